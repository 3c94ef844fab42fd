// A run as the Runner view shows it, built from runner.start's answer and the runner.progress
// events that follow: pure functions, so the counters, the progress bar and the filters are tested
// without a browser.
import type { z } from 'zod';
import type { ConsoleEntry, EventPayload, Execution, RunSummary } from '../../../shared/contract';

export type ExecutionData = z.infer<typeof Execution>;
export type ConsoleLine = z.infer<typeof ConsoleEntry>;
export type RunSummaryData = z.infer<typeof RunSummary>;
export type ProgressEvent = EventPayload<'runner.progress'>;

/** One request of one iteration, with the console output its scripts wrote. */
export interface ExecutionRow {
  sequence: number;
  execution: ExecutionData;
  console: ConsoleLine[];
}

export interface RunCounts {
  requests: number;
  requestsFailed: number;
  testsPassed: number;
  testsFailed: number;
  testsSkipped: number;
}

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface RunState {
  runId: string;
  collectionName: string;
  /** The folders and requests that were asked for (empty: the whole collection). */
  itemIds: string[];
  status: RunStatus;
  iterations: number;
  requestsPerIteration: number;
  /** The current iteration (0-based), from the iteration events. */
  iteration: number;
  dataProblems: string[];
  warnings: string[];
  rows: ExecutionRow[];
  counts: RunCounts;
  /** Client clock, ms: when the start was answered and when the done event came. */
  startedAt: number;
  finishedAt: number | null;
  summary: RunSummaryData | null;
}

export interface StartAnswer {
  runId: string;
  iterations: number;
  requestsPerIteration: number;
  dataProblems: string[];
}

const noCounts = (): RunCounts => ({ requests: 0, requestsFailed: 0, testsPassed: 0, testsFailed: 0, testsSkipped: 0 });

export function startedRun(answer: StartAnswer, collectionName: string, itemIds: string[], now: number): RunState {
  return {
    runId: answer.runId,
    collectionName,
    itemIds,
    status: 'running',
    iterations: answer.iterations,
    requestsPerIteration: answer.requestsPerIteration,
    iteration: 0,
    dataProblems: answer.dataProblems,
    warnings: [],
    rows: [],
    counts: noCounts(),
    startedAt: now,
    finishedAt: null,
    summary: null,
  };
}

/** A failed test (not a skipped one) of an execution. */
export const testFailed = (t: ExecutionData['tests'][number]) => !t.passed && !t.skipped;

/** A request failed when it could not be sent, a test failed, or one of its scripts threw. */
export function executionFailed(e: ExecutionData): boolean {
  return Boolean(e.requestError) || e.scriptErrors.length > 0 || e.tests.some(testFailed);
}

function addCounts(counts: RunCounts, e: ExecutionData): RunCounts {
  let { testsPassed, testsFailed, testsSkipped } = counts;
  for (const t of e.tests) {
    if (t.skipped) testsSkipped++;
    else if (t.passed) testsPassed++;
    else testsFailed++;
  }
  return {
    requests: counts.requests + 1,
    requestsFailed: counts.requestsFailed + (executionFailed(e) ? 1 : 0),
    testsPassed,
    testsFailed,
    testsSkipped,
  };
}

/** The state after one progress event of this run (events of other runs leave it as it is). */
export function applyProgress(state: RunState, event: ProgressEvent, now: number): RunState {
  if (event.runId !== state.runId) return state;
  switch (event.type) {
    case 'start':
      return { ...state, collectionName: event.collection.name, iterations: event.iterations, requestsPerIteration: event.requestsPerIteration };
    case 'iteration':
      return { ...state, iteration: event.iteration };
    case 'request':
      return applyProgressBatch(state, [event], now);
    case 'warning':
      // Skipped data rows come as warnings too; they are shown once, with the start's answer.
      if (state.dataProblems.includes(event.message)) return state;
      return { ...state, warnings: [...state.warnings, event.message] };
    case 'done':
      return { ...state, status: event.summary.cancelled ? 'cancelled' : 'done', summary: event.summary, finishedAt: now };
  }
}

/**
 * The state after several events, the rows copied once for the whole batch (a long run sends
 * thousands). Sequences only grow, so a request event at or below the last row's is a repeat.
 */
export function applyProgressBatch(state: RunState, events: ProgressEvent[], now: number): RunState {
  let next = state;
  let rows: ExecutionRow[] | null = null;
  let counts = state.counts;
  for (const event of events) {
    if (event.runId !== state.runId) continue;
    if (event.type !== 'request') {
      next = applyProgress(next, event, now);
      continue;
    }
    const list = rows ?? state.rows;
    const last = list[list.length - 1];
    if (last && event.sequence <= last.sequence) continue;
    rows ??= [...state.rows];
    rows.push({ sequence: event.sequence, execution: event.execution, console: event.console });
    counts = addCounts(counts, event.execution);
  }
  return rows ? { ...next, rows, counts } : next;
}

/** The run ended without a summary (the runner threw): its warning says why. */
export function failedRun(state: RunState, now: number): RunState {
  return state.status === 'running' ? { ...state, status: 'failed', finishedAt: now } : state;
}

/** Requests done out of iterations × requests per iteration (flow control may add or skip some). */
export function progressOf(state: RunState): { done: number; total: number; fraction: number } {
  const planned = state.iterations * state.requestsPerIteration;
  const done = state.rows.length;
  const total = Math.max(planned, done);
  const finished = state.status === 'done';
  const fraction = finished ? 1 : total === 0 ? 0 : done / total;
  return { done, total: finished ? done : total, fraction };
}

export const requestLabel = (e: ExecutionData): string => [...e.path, e.name].join(' / ');

export interface IterationGroup {
  iteration: number;
  rows: ExecutionRow[];
}

/** Rows grouped per iteration in run order; with failedOnly, only failed requests (and empty iterations dropped). */
export function groupByIteration(rows: ExecutionRow[], failedOnly: boolean): IterationGroup[] {
  const groups: IterationGroup[] = [];
  for (const row of rows) {
    if (failedOnly && !executionFailed(row.execution)) continue;
    const last = groups[groups.length - 1];
    if (last && last.iteration === row.execution.iteration) last.rows.push(row);
    else groups.push({ iteration: row.execution.iteration, rows: [row] });
  }
  return groups;
}

/** The ids of the requests that failed in any iteration, each once, in run order: what "Re-run failed" runs. */
export function failedItemIds(rows: ExecutionRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) if (executionFailed(row.execution)) ids.add(row.execution.id);
  return [...ids];
}

export interface Timings {
  totalMs: number;
  responseAverageMs: number;
  responseMinMs: number;
  responseMaxMs: number;
  bytesReceived: number;
}

/** The run's timings: the summary's once it is done, else computed from the rows so far. */
export function timingsOf(state: RunState, now: number): Timings {
  if (state.summary) return state.summary.timings;
  const times = state.rows.flatMap((r) => (r.execution.response ? [r.execution.response] : []));
  const sum = times.reduce((a, r) => a + r.responseTime, 0);
  return {
    totalMs: (state.finishedAt ?? now) - state.startedAt,
    responseAverageMs: times.length ? sum / times.length : 0,
    responseMinMs: times.length ? Math.min(...times.map((r) => r.responseTime)) : 0,
    responseMaxMs: times.length ? Math.max(...times.map((r) => r.responseTime)) : 0,
    bytesReceived: times.reduce((a, r) => a + r.responseSize, 0),
  };
}
