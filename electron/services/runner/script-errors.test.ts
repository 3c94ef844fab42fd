// Script failures in a run with the real sandbox: a loop stopped at the time limit, a memory bomb
// stopped at the memory limit and a syntax error each end as one failure that names the script
// once ("F / Loop (test script): ran longer than …"), and the rest of the run goes on.
import { afterAll, describe, expect, it } from 'vitest';
import { createScriptRuntime } from '../scripting/index.js';
import { collection, folder, outcomes, req, useRunnerHarness } from './collection.fixture.js';
import { runCollection } from './run-collection.js';

const h = useRunnerHarness();
const runtimes: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(runtimes.map((r) => r.close())));

describe('script failures in a run (real sandbox)', () => {
  it('name the script once, and the run goes on', async () => {
    const ok = "pm.test('still runs', () => pm.response.to.have.status(200));";
    const root = collection([
      folder('F', [
        req('Loop', `${h.server.url}/small`, { test: 'while (true) {}' }),
        req('Bomb', `${h.server.url}/small`, { test: 'const keep = []; while (true) keep.push(new Array(100000).fill(keep.length));' }),
        req('Bad', `${h.server.url}/small`, { pre: 'pm.test("x", () => {', test: ok }),
        req('Waits', `${h.server.url}/small`, { test: 'setTimeout(() => {}, 60000);' }),
        req('Good', `${h.server.url}/small`, { test: ok }),
      ]),
    ]);
    const result = await runCollection(root, {}, {
      engine: h.engine,
      createRuntime: async () => {
        const rt = createScriptRuntime({ timeoutMs: 800, memoryLimitMb: 32 });
        runtimes.push(rt);
        return rt;
      },
    });
    const messages = result.failures.map((f) => f.message);
    expect(messages).toEqual([
      'F / Loop (test script): ran longer than 800 ms and was stopped',
      'F / Bomb (test script): used more than 32 MB of memory and was stopped',
      expect.stringMatching(/^F \/ Bad \(pre-request script\): SyntaxError: /),
      'F / Waits (test script): ran longer than 800 ms and was stopped',
    ]);
    for (const m of messages) expect(m.split(' (test script)').length + m.split(' (pre-request script)').length).toBe(3);
    expect(result.executions.map((e) => [e.name, e.response?.code])).toEqual([
      ['Loop', 200],
      ['Bomb', 200],
      ['Bad', 200],
      ['Waits', 200],
      ['Good', 200],
    ]);
    expect(outcomes(result)).toEqual(['Bad: still runs passed', 'Good: still runs passed']);
    expect(result.executions[0].scriptErrors).toEqual([{ kind: 'test', location: 'F / Loop (test script)', message: 'ran longer than 800 ms and was stopped' }]);
  });
});
