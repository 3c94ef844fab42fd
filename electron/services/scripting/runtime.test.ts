// The runtime's own contract: options, order, concurrency, close, inputs that are not scripts,
// and what the host is asked.
import { describe, expect, it } from 'vitest';
import { createScriptRuntime } from './index.js';
import { input, noHost } from './test-helpers.fixture.js';
import type { ScriptHost } from './types.js';

describe('createScriptRuntime', () => {
  it('rejects nonsense options', () => {
    expect(() => createScriptRuntime({ timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createScriptRuntime({ memoryLimitMb: -1 })).toThrow(RangeError);
    expect(() => createScriptRuntime({ maxConsoleEntries: Number.NaN })).toThrow(RangeError);
  });

  it('runs concurrent calls one at a time, in order, each with its own globals', async () => {
    const rt = createScriptRuntime();
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          rt.run(input(`if (typeof seen !== 'undefined') throw new Error('leaked'); seen = ${i}; await new Promise((ok) => setTimeout(ok, ${20 - i})); console.log(${i});`), noHost),
        ),
      );
      expect(results.map((r) => r.error)).toEqual(Array(20).fill(undefined));
      expect(results.map((r) => r.console[0].args[0])).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    } finally {
      await rt.close();
    }
  });

  it('after close: queued scripts come back with an error, new ones are refused', async () => {
    const rt = createScriptRuntime({ timeoutMs: 5000 });
    // The first script is surely running once it asks the host for something (never answered).
    let started: () => void = () => undefined;
    const asked = new Promise<void>((ok) => (started = ok));
    const waitingHost = { sendRequest: () => (started(), new Promise<never>(() => undefined)) };
    const running = rt.run(input("pm.sendRequest('http://api.test/slow', () => {})"), waitingHost);
    const queued = rt.run(input('1'), noHost);
    await asked;
    await rt.close();
    expect((await running).error).toEqual({ kind: 'runtime', message: 'The test script of "Users / Get user" was stopped: the script runtime was closed' });
    expect((await queued).error).toEqual({ kind: 'runtime', message: 'The test script of "Users / Get user" did not run: the script runtime was closed' });
    await expect(rt.run(input('1'), noHost)).rejects.toThrow('The script runtime is closed');
  });

  it('refuses what is not a script', async () => {
    const rt = createScriptRuntime();
    try {
      await expect(rt.run({ ...input('1'), code: undefined as unknown as string }, noHost)).rejects.toThrow(TypeError);
      const r = await rt.run({ ...input('1'), request: { ...input('1').request, fn: () => 1 } as never }, noHost);
      expect(r.error?.message).toMatch(/could not be sent to the sandbox/);
      expect((await rt.run(input("pm.test('still fine', () => {})"), noHost)).tests[0].passed).toBe(true);
    } finally {
      await rt.close();
    }
  });

  it('asks the host only for valid http(s) requests, and copies what it answers', async () => {
    const asked: string[] = [];
    const host: ScriptHost = {
      async sendRequest(spec) {
        asked.push(`${spec.method} ${spec.url}`);
        // A host answer with extras the sandbox must not receive.
        return { response: { code: 201, status: 'Created', headers: [['X', '1']], body: 'ok', responseTime: 1, responseSize: 2, cookies: [], extra: () => 1 } as never };
      },
    };
    const rt = createScriptRuntime();
    try {
      const r = await rt.run(input(`const res = await pm.sendRequest({ url: 'http://h.test/a', method: 'DELETE' }); console.log(res.code, res.text(), Object.keys(res.toJSON()).includes('extra'));`), host);
      expect(r.error).toBeUndefined();
      expect(r.console[0].args).toEqual(['201', 'ok', 'false']);
      expect(asked).toEqual(['DELETE http://h.test/a']);
    } finally {
      await rt.close();
    }
  });

  it('a host that throws is an error for the script, not for the runtime', async () => {
    const host: ScriptHost = {
      async sendRequest() {
        throw new Error('host exploded');
      },
    };
    const rt = createScriptRuntime();
    try {
      const r = await rt.run(input(`pm.sendRequest('http://h.test/', (err) => console.log(err.message));`), host);
      expect(r.console[0].args).toEqual(['host exploded']);
    } finally {
      await rt.close();
    }
  });
});
