// What a collection run takes and what it answers. A run keeps summaries only (status, sizes,
// timings, test outcomes): never a response body, so a 10,000-request run stays small.
import type { SendErrorCode, Variable } from '../../../shared/model.js';
import type { ScriptConsoleEntry, ScriptKind } from '../scripting/types.js';

export interface RunOptions {
  /** Iterations; default: one per data row, or 1 without data. */
  iterations?: number;
  /** Rows of the data file (pm.iterationData), one per iteration; the last repeats when fewer. */
  data?: Record<string, string>[];
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
  /** Relative file paths in bodies (form files, binary bodies) are resolved from here. */
  workingDir?: string;
  /** Response bodies larger than this are streamed to a file while the test scripts read them. */
  bodyLimitBytes?: number;
  environment?: Variable[];
  globals?: Variable[];
  signal?: AbortSignal;
}

export interface TestOutcome {
  name: string;
  passed: boolean;
  skipped: boolean;
  error?: string;
}

export interface ScriptFailure {
  kind: ScriptKind;
  /** "Folder / Request (test script)": where the script lives. */
  location: string;
  message: string;
}

/** One request of one iteration, as a summary. */
export interface Execution {
  /** The request's id (workspace id, or the Postman item id for a file). */
  id: string;
  name: string;
  /** Folder names from the collection down, without the collection: "Folder / Sub-folder". */
  path: string[];
  iteration: number;
  request: { method: string; url: string };
  response?: { code: number; status: string; responseTime: number; responseSize: number };
  requestError?: { code: SendErrorCode; message: string };
  /** pm.execution.skipRequest(): not sent, no test scripts. */
  skipped: boolean;
  tests: TestOutcome[];
  scriptErrors: ScriptFailure[];
  /** Wall time of the whole item: scripts, send and tests. */
  durationMs: number;
}

export interface Counter {
  total: number;
  failed: number;
  pending: number;
}

export interface RunStats {
  iterations: Counter;
  items: Counter;
  requests: Counter;
  prerequestScripts: Counter;
  testScripts: Counter;
  assertions: Counter;
}

export interface RunFailure {
  /** "Folder / Request", or "data file" / "run" for failures outside a request. */
  source: string;
  iteration: number;
  kind: 'assertion' | 'request' | 'script' | 'data';
  message: string;
  /** The test's name for assertions. */
  test?: string;
}

export interface RunResult {
  collection: { id: string; name: string };
  startedAt: string;
  finishedAt: string;
  cancelled: boolean;
  stoppedByBail: boolean;
  stats: RunStats;
  timings: { totalMs: number; responseAverageMs: number; responseMinMs: number; responseMaxMs: number; bytesReceived: number };
  executions: Execution[];
  failures: RunFailure[];
  /** The variables at the end of the run, for writing back or exporting. */
  variables: { environment: Variable[]; globals: Variable[]; collection: Variable[] };
}

export type RunEvent =
  | { type: 'start'; collection: { id: string; name: string }; iterations: number; requestsPerIteration: number }
  | { type: 'iteration'; iteration: number }
  | { type: 'request'; sequence: number; execution: Execution; console: ScriptConsoleEntry[] }
  | { type: 'warning'; message: string }
  | { type: 'done'; result: RunResult };
