// The script runtimes an app has open (the warm one for single sends, one per collection run), so
// that closing the app closes every one of them: a script still running is stopped, and no new
// runtime starts once closing has begun.
import type { ScriptRuntime } from '../scripting/types.js';

export interface RuntimeTracker {
  /** Makes a runtime through the given factory and keeps it until it is closed. */
  create(): Promise<ScriptRuntime>;
  /** Closes every open runtime; create() refuses from then on. */
  closeAll(): Promise<void>;
}

export function trackRuntimes(factory: () => Promise<ScriptRuntime>): RuntimeTracker {
  const open = new Set<ScriptRuntime>();
  let closing = false;
  return {
    async create() {
      if (closing) throw new Error('The app is closing: no new script runtime is started');
      const runtime = await factory();
      if (closing) {
        await runtime.close();
        throw new Error('The app is closing: no new script runtime is started');
      }
      open.add(runtime);
      return {
        run: (input, host) => runtime.run(input, host),
        close: async () => {
          open.delete(runtime);
          await runtime.close();
        },
      };
    },
    async closeAll() {
      closing = true;
      const all = [...open];
      open.clear();
      await Promise.all(all.map((r) => r.close()));
    },
  };
}
