// What a collection run takes and what it answers. A run keeps summaries only (status, sizes,
// timings, test outcomes): never a response body, so a 10,000-request run stays small. The result
// types are the IPC contract's (shared/contract.ts), so the Runner view gets exactly these.
import type { z } from 'zod';
import type * as contract from '../../../shared/contract.js';
import type { Variable } from '../../../shared/model.js';
import type { DataValue, ScriptConsoleEntry } from '../scripting/types.js';

export interface RunOptions {
  /** Iterations; default: one per data row, or 1 without data. */
  iterations?: number;
  /** Rows of the data file (pm.iterationData), one per iteration; the last repeats when fewer. */
  data?: Record<string, DataValue>[];
  /** Folders or requests (names or ids) to run instead of the whole collection. */
  folders?: string[];
  /** Milliseconds to wait before each request. */
  delayMs?: number;
  /** Stop the run at the first failed test, script error or request error. */
  bail?: boolean;
  /** Overrides every request's timeout (ms, 0 = none). */
  timeoutMs?: number;
  /** Skip TLS certificate checks (newman --insecure). */
  insecure?: boolean;
  /** false: answer redirects as they are (newman --ignore-redirects); undefined: each request's setting. */
  followRedirects?: boolean;
  /** Relative file paths in bodies (form files, binary bodies) are resolved from here. */
  workingDir?: string;
  /** Response bodies larger than this are streamed to a file while the test scripts read them. */
  bodyLimitBytes?: number;
  environment?: Variable[];
  globals?: Variable[];
  signal?: AbortSignal;
}

export type TestOutcome = z.infer<typeof contract.TestOutcome>;
export type ScriptFailure = z.infer<typeof contract.ScriptFailure>;
/** One request of one iteration, as a summary. */
export type Execution = z.infer<typeof contract.Execution>;
export type RunStats = z.infer<typeof contract.RunStats>;
export type Counter = RunStats['items'];
export type RunFailure = z.infer<typeof contract.RunFailure>;
export type RunSummary = z.infer<typeof contract.RunSummary>;
export type RunResult = z.infer<typeof contract.RunResult>;

export type RunEvent =
  | { type: 'start'; collection: { id: string; name: string }; iterations: number; requestsPerIteration: number }
  | { type: 'iteration'; iteration: number }
  | { type: 'request'; sequence: number; execution: Execution; console: ScriptConsoleEntry[] }
  | { type: 'warning'; message: string }
  | { type: 'done'; result: RunResult };
