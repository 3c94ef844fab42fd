// Inputs for the sandbox tests: a request, a JSON response and empty variable scopes, overridable.
import type { RequestSpec } from '../../../shared/model.js';
import type { ScriptHost, ScriptInput, ScriptKind, ScriptResponse, ScriptVariables } from './types.js';

export function request(over: Partial<RequestSpec> = {}): RequestSpec {
  return {
    method: 'GET',
    url: 'http://api.test/users/7?expand=1',
    params: [],
    headers: [{ key: 'Accept', value: 'application/json', enabled: true }],
    body: { mode: 'none' },
    auth: { type: 'inherit' },
    settings: { timeoutMs: 30_000, followRedirects: true, maxRedirects: 10, verifyTls: true },
    ...over,
  };
}

export function response(over: Partial<ScriptResponse> = {}): ScriptResponse {
  return {
    code: 200,
    status: 'OK',
    headers: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['X-Request-Id', 'abc'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ],
    body: JSON.stringify({ id: 7, name: 'Ada', tags: ['x', 'y'], nested: { ok: true } }),
    responseTime: 12,
    responseSize: 64,
    cookies: [{ name: 'session', value: 's1', domain: 'api.test', path: '/', expires: null, httpOnly: true, secure: false }],
    ...over,
  };
}

export function variables(over: Partial<ScriptVariables> = {}): ScriptVariables {
  return { globals: {}, collection: {}, environment: {}, iterationData: {}, local: {}, ...over };
}

export function input(code: string, over: Partial<ScriptInput> & { kind?: ScriptKind } = {}): ScriptInput {
  const kind = over.kind ?? 'test';
  return {
    kind,
    code,
    location: 'Users / Get user',
    request: request(),
    response: kind === 'test' ? response() : undefined,
    variables: variables(),
    info: { eventName: kind, iteration: 0, iterationCount: 1, requestName: 'Get user', requestId: 'req-1' },
    cookies: [{ name: 'session', value: 's1', domain: 'api.test', path: '/', expires: null, httpOnly: true, secure: false }],
    ...over,
  };
}

/** A host that refuses everything (most tests never reach it). */
export const noHost: ScriptHost = {
  async sendRequest() {
    return { error: 'no network in this test' };
  },
};
