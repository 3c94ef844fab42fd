// TEST-ONLY: a small stand-in for the script sandbox (createScriptRuntime), so the runner's own
// tests do not depend on it. It runs a script in node:vm — no isolation, never for real scripts —
// with the few pm calls the runner tests use: pm.test (and .skip), pm.expect, the variable scopes,
// pm.iterationData, pm.response, pm.request, pm.info, pm.execution.setNextRequest/skipRequest,
// postman.setNextRequest, pm.sendRequest (promise) and pm.cookies.jar(). It records every input.
import { expect as chaiExpect } from 'chai';
import vm from 'node:vm';
import type { ScriptConsoleEntry, ScriptError, ScriptInput, ScriptResult, ScriptRuntime, ScriptTestResult } from '../scripting/types.js';

type Map = Record<string, string>;

export interface FakeRuntime extends ScriptRuntime {
  inputs: ScriptInput[];
  created: number;
  closed: boolean;
}

const scope = (m: Map) => ({
  get: (k: string) => m[k],
  set: (k: string, v: unknown) => {
    m[k] = String(v);
  },
  unset: (k: string) => {
    delete m[k];
  },
  has: (k: string) => k in m,
  toObject: () => ({ ...m }),
});

export function fakeRuntime(): FakeRuntime {
  const runtime: FakeRuntime = {
    inputs: [],
    created: 1,
    closed: false,
    async run(input, host): Promise<ScriptResult> {
      runtime.inputs.push(structuredClone(input));
      const v = structuredClone(input.variables);
      const request = structuredClone(input.request);
      const tests: ScriptTestResult[] = [];
      const output: ScriptConsoleEntry[] = [];
      const pending: Promise<unknown>[] = [];
      let next: { value: string | null } | undefined;
      let skip = false;
      const setNextRequest = (name: string | null) => {
        next = { value: name };
      };
      const test = (name: string, fn: () => unknown) => {
        try {
          const r = fn();
          if (r instanceof Promise) pending.push(r.then(() => tests.push({ name, passed: true, skipped: false })).catch((e: Error) => tests.push({ name, passed: false, skipped: false, error: e.message })));
          else tests.push({ name, passed: true, skipped: false });
        } catch (e) {
          tests.push({ name, passed: false, skipped: false, error: (e as Error).message });
        }
      };
      test.skip = (name: string) => tests.push({ name, passed: false, skipped: true });
      const response = input.response;
      const pm = {
        test,
        expect: chaiExpect,
        environment: scope(v.environment),
        globals: scope(v.globals),
        collectionVariables: scope(v.collection),
        iterationData: { get: (k: string) => v.iterationData[k], toObject: () => ({ ...v.iterationData }) },
        variables: {
          get: (k: string) => [v.local, v.iterationData, v.environment, v.collection, v.globals].find((m) => k in m)?.[k],
          set: (k: string, value: unknown) => {
            v.local[k] = String(value);
          },
        },
        request,
        info: input.info,
        response: response && {
          code: response.code,
          status: response.status,
          responseTime: response.responseTime,
          text: () => response.body,
          json: () => JSON.parse(response.body),
          headers: { get: (n: string) => response.headers.find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1] },
        },
        cookies: { get: (n: string) => input.cookies.find((c) => c.name === n)?.value },
        execution: { setNextRequest, skipRequest: () => (skip = true) },
        sendRequest: (url: string) => host.sendRequest({ method: 'GET', url, params: [], headers: [], body: { mode: 'none' }, auth: { type: 'none' }, settings: { timeoutMs: 5000, followRedirects: true, maxRedirects: 10, verifyTls: true } }),
        jar: host.cookieJar,
      };
      const log = (level: ScriptConsoleEntry['level']) => (...args: unknown[]) => output.push({ level, args: args.map(String) });
      let error: ScriptError | undefined;
      try {
        const script = new vm.Script(`(async () => {\n${input.code}\n})()`, { filename: input.location });
        await script.runInNewContext({ pm, postman: { setNextRequest }, console: { log: log('log'), warn: log('warn'), error: log('error') } }, { timeout: 2000 });
        await Promise.all(pending);
      } catch (e) {
        const err = e as Error;
        error = { kind: err.name === 'SyntaxError' ? 'syntax' : 'runtime', message: `${err.name}: ${err.message}` };
      }
      return {
        tests,
        console: output,
        variables: v,
        ...(input.kind === 'prerequest' ? { request } : {}),
        ...(next ? { nextRequest: next.value } : {}),
        ...(skip ? { skipRequest: true } : {}),
        ...(error ? { error } : {}),
      };
    },
    async close() {
      runtime.closed = true;
    },
  };
  return runtime;
}
