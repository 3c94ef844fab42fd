// The worker warms up (worker/main.ts warmUp) by running typical test scripts in throw-away
// compartments before the first job. Nothing of that may reach a real script: not its variables,
// tests, console lines or globals — whether the script arrives after the warm-up or during it.
import { afterEach, describe, expect, it } from 'vitest';
import { createScriptRuntime } from './index.js';
import { input, noHost, variables } from './test-helpers.fixture.js';
import type { ScriptRuntime } from './types.js';

const SEES_NOTHING = `
  pm.test('own test', () => {
    pm.expect(pm.environment.get('last')).to.equal(undefined);
    pm.expect(typeof body).to.equal('undefined');
    pm.expect(typeof j).to.equal('undefined');
    pm.expect(typeof warmedItem).to.equal('undefined'); // a warm-up script's sloppy global
    pm.expect(pm.info.requestName).to.equal('Get user');
    pm.expect(pm.response.json().name).to.equal('Ada');
  });
  console.log('globals', Object.keys(globalThis).join(','));
`;

let rt: ScriptRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

describe('warming up the sandbox', () => {
  it('leaves nothing for the first script after it', async () => {
    rt = createScriptRuntime();
    await new Promise((r) => setTimeout(r, 700)); // long past the warm-up's 250 ms budget
    const env = { baseUrl: 'http://api.test' };
    const result = await rt.run(input(SEES_NOTHING, { variables: variables({ environment: env }) }), noHost);
    expect(result.error).toBeUndefined();
    expect(result.tests).toEqual([{ name: 'own test', passed: true, skipped: false }]);
    expect(result.console).toHaveLength(1);
    expect(result.console[0].args[0]).toBe('globals');
    expect(result.console[0].args[1]).not.toMatch(/\b(body|j|last|pm|warmedItem)\b/);
    expect(result.variables.environment).toEqual(env);
  });

  it('gives way to a script that arrives while it runs, which sees nothing of it either', async () => {
    rt = createScriptRuntime();
    const results = await Promise.all([1, 2, 3].map(() => rt!.run(input(SEES_NOTHING), noHost)));
    for (const result of results) {
      expect(result.error).toBeUndefined();
      expect(result.tests.map((t) => [t.name, t.passed])).toEqual([['own test', true]]);
      expect(result.variables.environment).toEqual({});
    }
  });
});
