// The script sandbox of `courier run`, started as the process starts: a worker thread with SES
// lockdown and the pm prelude takes ~50 ms alone and longer beside the command's own loading, and
// a run that started it at its first script waited for it there (~100 ms of every run). Started
// early, it loads on another core while the rest of the command loads.
import type { ScriptRuntime, ScriptRuntimeOptions } from '../services/scripting/types.js';

type Create = (options?: ScriptRuntimeOptions) => Promise<ScriptRuntime>;

/** Whether the command line will run a collection (and so will want a sandbox). */
export function runsCollection(argv: string[]): boolean {
  return argv[0] === 'run' && !argv.includes('--help') && !argv.includes('-h');
}

/**
 * A runtime factory for the command line. With `startNow`, a runtime with the default limits is
 * started at once and handed to the first caller that asks for the defaults; a caller asking for
 * other limits gets a new runtime and the early one is closed. A runtime nobody takes (a run
 * without scripts, a bad collection) is left to the process's exit: its worker does not keep the
 * process alive.
 */
export function earlyRuntimeFactory(create: Create, startNow: boolean): Create {
  let early = startNow ? create() : undefined;
  return (options = {}) => {
    const ready = early;
    early = undefined;
    if (ready && Object.values(options).every((v) => v === undefined)) return ready;
    void ready?.then(
      (r) => r.close(),
      () => undefined,
    );
    return create(options);
  };
}
