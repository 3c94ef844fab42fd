import { describe, expect, it } from 'vitest';
import type { ScriptRuntime, ScriptRuntimeOptions } from '../services/scripting/types.js';
import { earlyRuntimeFactory, runsCollection } from './early-runtime.js';

function fakeCreate() {
  const made: { options: ScriptRuntimeOptions | undefined; closed: boolean; runtime: ScriptRuntime }[] = [];
  const create = async (options?: ScriptRuntimeOptions) => {
    const entry = {
      options,
      closed: false,
      runtime: {
        run: async () => ({ tests: [], console: [], variables: { globals: {}, collection: {}, environment: {}, iterationData: {}, local: {} } }),
        close: async () => {
          entry.closed = true;
        },
      } as ScriptRuntime,
    };
    made.push(entry);
    return entry.runtime;
  };
  return { made, create };
}

describe('the command line starts the sandbox early', () => {
  it('knows which command lines run a collection', () => {
    expect(runsCollection(['run', 'c.json'])).toBe(true);
    expect(runsCollection(['run', '--help'])).toBe(false);
    expect(runsCollection(['run', 'c.json', '-h'])).toBe(false);
    expect(runsCollection(['import', 'c.json'])).toBe(false);
    expect(runsCollection([])).toBe(false);
  });

  it('starts one runtime at once and hands it to the run that asks for the default limits', async () => {
    const { made, create } = fakeCreate();
    const factory = earlyRuntimeFactory(create, true);
    expect(made).toHaveLength(1); // started before anyone asked
    const runtime = await factory({});
    expect(runtime).toBe(made[0].runtime);
    expect(made).toHaveLength(1);
    // A second run in the same process gets a runtime of its own.
    expect(await factory({})).toBe(made[1].runtime);
    expect(made[0].closed).toBe(false);
  });

  it('closes the early runtime and starts another when the run asks for other limits', async () => {
    const { made, create } = fakeCreate();
    const factory = earlyRuntimeFactory(create, true);
    const runtime = await factory({ timeoutMs: 250 });
    expect(made).toHaveLength(2);
    expect(runtime).toBe(made[1].runtime);
    expect(made[1].options).toEqual({ timeoutMs: 250 });
    await Promise.resolve();
    expect(made[0].closed).toBe(true);
  });

  it('starts nothing early for other commands', async () => {
    const { made, create } = fakeCreate();
    const factory = earlyRuntimeFactory(create, false);
    expect(made).toHaveLength(0);
    await factory();
    expect(made).toHaveLength(1);
  });
});
