// What a script may ask of the host during a run: pm.sendRequest through the HTTP engine (the one
// send path of the app) and the engine's cookie jar for pm.cookies.jar(). Nothing else.
import type { RequestSpec } from '../../../shared/model.js';
import type { HttpEngine } from '../http/engine.js';
import type { ScriptHost } from '../scripting/types.js';
import { discardBodyFile, toScriptResponse } from './script-response.js';

export interface ScriptHostOptions {
  timeoutMs?: number;
  insecure?: boolean;
  bodyLimitBytes: number;
}

export function createScriptHost(engine: HttpEngine, options: ScriptHostOptions): ScriptHost {
  let sequence = 0;
  return {
    async sendRequest(spec: RequestSpec) {
      const request: RequestSpec = {
        ...spec,
        // A script's request has no folder to inherit from.
        auth: spec.auth.type === 'inherit' ? { type: 'none' } : spec.auth,
        settings: {
          ...spec.settings,
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.insecure ? { verifyTls: false } : {}),
        },
      };
      const outcome = await engine.send(request, { sendId: `script-request-${++sequence}`, bodyLimitBytes: options.bodyLimitBytes });
      if (!outcome.response) return { error: outcome.error?.message ?? 'The request failed' };
      const response = toScriptResponse(outcome.response);
      discardBodyFile(outcome.response);
      return { response };
    },
    cookieJar: {
      get: async (url, name) => engine.cookies.forUrl(url).find((c) => c.name === name)?.value ?? null,
      set: async (url, name, value) => engine.cookies.set(url, name, value),
      unset: async (url, name) => engine.cookies.unset(url, name),
      clear: async (url) => engine.cookies.unset(url),
    },
  };
}
