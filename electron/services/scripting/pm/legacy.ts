// The legacy sandbox globals old collections still use: tests[…], responseBody, responseCode,
// responseHeaders, responseTime, responseCookies, environment, globals, data, iteration, request,
// and the postman object (setEnvironmentVariable, setNextRequest, getResponseHeader, …).
import type { ScriptInput } from '../types.js';
import type { Output } from './output.js';
import type { Request } from './request.js';
import type { Response } from './response.js';
import type { VariableScope } from './variables.js';
import { safeString } from './util.js';

interface Scopes {
  environment: VariableScope;
  globals: VariableScope;
  iterationData: VariableScope;
}

const legacyValue = (value: unknown) => ((value === false || value) && typeof (value as { toString?: unknown }).toString === 'function' ? safeString(value) : value);

export function makeLegacy(input: ScriptInput, scopes: Scopes, getRequest: () => Request, getResponse: () => Response | undefined, setNext: (v: unknown) => void) {
  const tests: Record<string, unknown> = {};
  const isTest = input.kind === 'test';
  let environment: Record<string, unknown> | undefined;
  let globals: Record<string, unknown> | undefined;
  const envObject = () => (environment ??= scopes.environment.toObject());
  const globalsObject = () => (globals ??= scopes.globals.toObject());

  const postman: Record<string, unknown> = {
    setEnvironmentVariable(key: unknown, value: unknown) {
      const v = legacyValue(value);
      envObject()[String(key)] = v;
      scopes.environment.set(key, v);
    },
    getEnvironmentVariable: (key: unknown) => scopes.environment.get(key),
    clearEnvironmentVariable(key: unknown) {
      if (key) delete envObject()[String(key)];
      scopes.environment.unset(key);
    },
    clearEnvironmentVariables() {
      for (const k of Object.keys(envObject())) delete envObject()[k];
      scopes.environment.clear();
    },
    setGlobalVariable(key: unknown, value: unknown) {
      const v = legacyValue(value);
      globalsObject()[String(key)] = v;
      scopes.globals.set(key, v);
    },
    getGlobalVariable: (key: unknown) => scopes.globals.get(key),
    clearGlobalVariable(key: unknown) {
      if (key) delete globalsObject()[String(key)];
      scopes.globals.unset(key);
    },
    clearGlobalVariables() {
      for (const k of Object.keys(globalsObject())) delete globalsObject()[k];
      scopes.globals.clear();
    },
    setNextRequest: (what: unknown) => setNext(what),
  };
  if (isTest) {
    postman.getResponseHeader = (name: unknown) => getResponse()?.headers.one(name)?.value;
    postman.getResponseCookie = (name: unknown) => getResponse()?.cookies.one(String(name));
  }

  const lazy: Record<string, () => unknown> = {
    environment: envObject,
    globals: globalsObject,
    request: () => {
      const req = getRequest();
      const body = req.body;
      let data: unknown = {};
      if (body.mode === 'raw') data = body.toString();
      else if (body.mode === 'urlencoded' || body.mode === 'formdata') {
        const list = body.mode === 'urlencoded' ? body.urlencoded : body.formdata;
        const form: Record<string, unknown> = {};
        for (const p of list?.members ?? []) {
          if (p.disabled || p.key === null) continue;
          const prev = form[p.key];
          form[p.key] = prev === undefined ? p.value : Array.isArray(prev) ? [...prev, p.value] : [prev, p.value];
        }
        data = form;
      }
      return {
        id: input.info.requestId,
        name: input.info.requestName,
        headers: req.headers.toObject(true, false, true, true),
        method: req.method,
        url: req.url.toString(),
        data,
      };
    },
  };
  if (isTest) {
    lazy.responseBody = () => getResponse()?.text();
    lazy.responseCode = () => {
      const r = getResponse();
      return r ? r.details() : { code: NaN, name: '', detail: '' };
    };
    lazy.responseHeaders = () => {
      const out: Record<string, unknown> = {};
      for (const h of getResponse()?.headers.members ?? []) if (!h.disabled && h.key !== null) out[h.key] = h.value;
      return out;
    };
    lazy.responseTime = () => getResponse()?.responseTime ?? NaN;
    lazy.responseCookies = () => getResponse()?.cookies.all() ?? [];
  }

  return {
    globals: { tests, postman, data: scopes.iterationData.toObject(), iteration: input.info.iteration },
    lazy,
    /** tests[name] = value, as assertions after the pm.test ones. */
    finish(out: Output) {
      for (const key of Object.keys(tests)) {
        let value: unknown;
        try {
          value = tests[key];
        } catch (err) {
          value = false;
          void err;
        }
        const rec = out.addTest(key);
        if (rec && !value) {
          const e = new Error(`expected ${safeString(value)} to be truthy`);
          e.name = 'AssertionError';
          out.failTest(rec, e);
        }
      }
    },
  };
}
