// What crosses between the host (runtime.ts), the sandbox worker (worker/main.ts) and the pm
// prelude (pm/, evaluated inside a Compartment in the worker). Plain data only: every message is
// structured-cloned, and the host validates what the worker answers before trusting it.
import type { RequestSpec } from '../../../shared/model.js';
import type { ScriptError, ScriptInput, ScriptResponse, ScriptResult } from './types.js';

/** Limits the worker enforces itself (the host enforces the time limit again, and the heap limit). */
export interface SandboxLimits {
  timeoutMs: number;
  maxConsoleEntries: number;
  /** Console text, test names and test errors together, per script. */
  maxOutputBytes: number;
  maxTests: number;
  /** Timers a script may have pending at once. */
  maxTimers: number;
  /** pm.sendRequest and cookie-jar calls per script. */
  maxHostCalls: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  timeoutMs: 5000,
  maxConsoleEntries: 1000,
  maxOutputBytes: 4 * 1024 * 1024,
  maxTests: 10_000,
  maxTimers: 10_000,
  maxHostCalls: 1000,
};

/** workerData of the sandbox worker. */
export interface WorkerConfig {
  limits: SandboxLimits;
  /** The pm prelude: `(function (module, exports, require) {…})`, evaluated in a Compartment. */
  prelude: string;
  /** Library bundles by require() name, same shape; evaluated on first use. */
  libs: Record<string, string>;
  /**
   * An Int32Array's buffer: the host sets [0] to 1 and notifies after posting a run. An idle worker
   * waits on it (Atomics.wait) and takes the job with receiveMessageOnPort, which wakes it in
   * microseconds instead of an event-loop round trip.
   */
  wake: SharedArrayBuffer;
  /**
   * The running script's tests and console entries as it records them: an Int32 byte count, then
   * JSON lines. When the host has to terminate the worker (a loop, a memory bomb), it reads the
   * tests and console entries back from here, so they are still reported.
   */
  journal: SharedArrayBuffer;
}

/** One line of the journal: a test's state (last one per index wins) or a console entry. */
export type JournalLine =
  | { t: number; n: string; p: boolean; s: boolean; e?: string; w?: boolean }
  | { c: 'log' | 'info' | 'warn' | 'error' | 'debug'; a: string[] };

export const JOURNAL_HEADER_BYTES = 4;

export type HostCall =
  | { op: 'send'; request: RequestSpec }
  | { op: 'jar'; method: 'get' | 'set' | 'unset' | 'clear'; url: string; name?: string; value?: string };

export type HostCallResult =
  | { op: 'send'; error?: string; response?: ScriptResponse }
  | { op: 'jar'; value?: string | null };

export type HostToWorker =
  | { t: 'run'; id: number; input: ScriptInput }
  | { t: 'reply'; id: number; call: number; value?: HostCallResult; error?: string };

export type WorkerToHost =
  | { t: 'ready' }
  | { t: 'call'; id: number; call: number; req: HostCall }
  | { t: 'done'; id: number; result: ScriptResult };

// ---- The worker ↔ prelude contract (functions, inside the worker only) ----

/** Capabilities the worker hands the prelude once, when it loads it. */
export interface KitCaps {
  /** Loads (once per worker) and returns a hardened library by require() name. */
  loadLib(name: string): unknown;
  /** Fills the array with cryptographically strong random bytes and returns it. */
  randomFill<T extends Uint8Array>(bytes: T): T;
}

/** Capabilities bound to one script run. */
export interface ScriptCaps {
  setTimer(kind: 'timeout' | 'interval' | 'immediate', fn: (...args: unknown[]) => void, ms: number, args: unknown[]): number;
  clearTimer(id: number): void;
  /** Asks the host; rejects when the host refuses. */
  hostCall(req: HostCall): Promise<HostCallResult>;
  /** Appends one JSON line to the journal (see WorkerConfig.journal). */
  journal(line: string): void;
}

/** One script's world, made by the prelude. */
export interface ScriptWorld {
  /** The Compartment's globals. */
  globals: Record<string, unknown>;
  /** Globals evaluated on first access (libraries). */
  lazyGlobals: Record<string, () => unknown>;
  /** A console entry from outside the script (a library's warning). */
  log(level: 'log' | 'info' | 'warn' | 'error' | 'debug', args: unknown[]): void;
  /** Records the script's (first) error. */
  fail(err: unknown, kind?: ScriptError['kind']): void;
  /** Plain data out. `stopped` is set when the worker stopped the script (timeout). */
  finish(stopped?: ScriptError): ScriptResult;
}

export interface Kit {
  open(input: ScriptInput, caps: ScriptCaps): ScriptWorld;
}

// ---- Messages ----

/** "pre-request script" / "test script" and the item path, for messages. */
export function describeScript(input: Pick<ScriptInput, 'kind' | 'location'>): { label: string; where: string } {
  const label = input.kind === 'prerequest' ? 'pre-request script' : 'test script';
  const where = String(input.location ?? '').replace(/\s*\((?:pre-request|prerequest|test) script\)\s*$/i, '');
  return { label, where };
}

export function scriptMessage(input: Pick<ScriptInput, 'kind' | 'location'>, what: string): string {
  const { label, where } = describeScript(input);
  return where ? `The ${label} of "${where}" ${what}` : `The ${label} ${what}`;
}

export const timeoutMessage = (input: Pick<ScriptInput, 'kind' | 'location'>, ms: number) =>
  scriptMessage(input, `ran longer than ${ms} ms and was stopped`);

export const memoryMessage = (input: Pick<ScriptInput, 'kind' | 'location'>, mb: number) =>
  scriptMessage(input, `used more than ${mb} MB of memory and was stopped`);

/**
 * A script error's message for a place that already names the script (the runner puts the location
 * before it): scriptMessage()'s opening ("The test script of "F / R" ") taken off.
 */
export function messageWithoutLocation(input: Pick<ScriptInput, 'kind' | 'location'>, message: string): string {
  const { label, where } = describeScript(input);
  for (const opening of [where ? `The ${label} of "${where}" ` : '', `The ${label} `]) {
    if (opening && message.startsWith(opening)) return message.slice(opening.length);
  }
  return message;
}
