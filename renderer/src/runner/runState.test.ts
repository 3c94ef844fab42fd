import { describe, expect, it } from 'vitest';
import {
  applyProgress,
  applyProgressBatch,
  executionFailed,
  failedItemIds,
  failedRun,
  groupByIteration,
  progressOf,
  requestLabel,
  startedRun,
  timingsOf,
  type ExecutionData,
  type ProgressEvent,
  type RunState,
  type RunSummaryData,
} from './runState';

function execution(id: string, iteration: number, over: Partial<ExecutionData> = {}): ExecutionData {
  return {
    id,
    name: id.toUpperCase(),
    path: ['Folder'],
    iteration,
    request: { method: 'GET', url: `http://127.0.0.1/${id}` },
    response: { code: 200, status: 'OK', responseTime: 10, responseSize: 100 },
    skipped: false,
    tests: [{ name: 'ok', passed: true, skipped: false }],
    scriptErrors: [],
    durationMs: 12,
    ...over,
  };
}

const failingTest = { name: 'status is 201', passed: false, skipped: false, error: 'expected 200 to equal 201' };
const skippedTest = { name: 'later', passed: false, skipped: true };

function summary(over: Partial<RunSummaryData> = {}): RunSummaryData {
  const c = { total: 0, failed: 0, pending: 0 };
  return {
    collection: { id: 'c', name: 'API' },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    cancelled: false,
    stoppedByBail: false,
    stats: { iterations: c, items: c, requests: c, prerequestScripts: c, testScripts: c, assertions: c },
    timings: { totalMs: 1000, responseAverageMs: 15, responseMinMs: 10, responseMaxMs: 20, bytesReceived: 300 },
    failures: [],
    ...over,
  };
}

const run = (): RunState => startedRun({ runId: 'r1', iterations: 2, requestsPerIteration: 2, dataProblems: ['row 3: bad'] }, 'API', [], 1_000);
const request = (sequence: number, e: ExecutionData, runId = 'r1'): ProgressEvent => ({ runId, type: 'request', sequence, execution: e, console: [] });

function feed(state: RunState, events: ProgressEvent[]): RunState {
  return events.reduce((s, e) => applyProgress(s, e, 5_000), state);
}

describe('run state', () => {
  it('counts requests and tests as the events arrive, and ignores other runs and repeated events', () => {
    const state = feed(run(), [
      { runId: 'r1', type: 'start', collection: { id: 'c', name: 'Renamed API' }, iterations: 2, requestsPerIteration: 2 },
      request(0, execution('a', 0)),
      request(1, execution('b', 0, { tests: [failingTest, skippedTest, { name: 'ok', passed: true, skipped: false }] })),
      request(1, execution('b', 0)),
      request(0, execution('x', 0), 'other-run'),
      { runId: 'r1', type: 'iteration', iteration: 1 },
      request(2, execution('a', 1, { response: undefined, requestError: { code: 'CONNECTION_REFUSED', message: 'refused' }, tests: [] })),
    ]);
    expect(state.collectionName).toBe('Renamed API');
    expect(state.iteration).toBe(1);
    expect(state.rows.map((r) => r.sequence)).toEqual([0, 1, 2]);
    expect(state.counts).toEqual({ requests: 3, requestsFailed: 2, testsPassed: 2, testsFailed: 1, testsSkipped: 1 });
    expect(state.dataProblems).toEqual(['row 3: bad']);
    expect(progressOf(state)).toEqual({ done: 3, total: 4, fraction: 0.75 });
    expect(state.status).toBe('running');
  });

  it('ends done or cancelled with the summary; a finished run is full even when flow control skipped requests', () => {
    const partial = feed(run(), [request(0, execution('a', 0))]);
    const done = applyProgress(partial, { runId: 'r1', type: 'done', summary: summary() }, 9_000);
    expect(done.status).toBe('done');
    expect(done.finishedAt).toBe(9_000);
    expect(progressOf(done)).toEqual({ done: 1, total: 1, fraction: 1 });
    expect(timingsOf(done, 99_999).responseAverageMs).toBe(15);

    const cancelled = applyProgress(partial, { runId: 'r1', type: 'done', summary: summary({ cancelled: true }) }, 9_000);
    expect(cancelled.status).toBe('cancelled');
    expect(progressOf(cancelled)).toEqual({ done: 1, total: 4, fraction: 0.25 });
  });

  it('more requests than planned (setNextRequest loops) keep the bar at most full', () => {
    const state = feed(run(), [0, 1, 2, 3, 4].map((i) => request(i, execution(`r${i}`, 0))));
    expect(progressOf(state)).toEqual({ done: 5, total: 5, fraction: 1 });
  });

  it('a warning is kept (a data problem only once, with the start answer); a run that threw is marked failed once', () => {
    const warned = feed(run(), [
      { runId: 'r1', type: 'warning', message: 'row 3: bad' },
      { runId: 'r1', type: 'warning', message: 'The run stopped: boom' },
    ]);
    expect(warned.warnings).toEqual(['The run stopped: boom']);
    const failed = failedRun(warned, 3_000);
    expect(failed.status).toBe('failed');
    expect(failedRun(failed, 4_000).finishedAt).toBe(3_000);
  });

  it('a request fails on a failed test, a script error or a request error, not on a skipped test', () => {
    expect(executionFailed(execution('a', 0))).toBe(false);
    expect(executionFailed(execution('a', 0, { tests: [skippedTest] }))).toBe(false);
    expect(executionFailed(execution('a', 0, { tests: [failingTest] }))).toBe(true);
    expect(executionFailed(execution('a', 0, { scriptErrors: [{ kind: 'test', location: 'A (test script)', message: 'x is not defined' }] }))).toBe(true);
    expect(executionFailed(execution('a', 0, { requestError: { code: 'TIMEOUT', message: 'timed out' } }))).toBe(true);
  });

  it('groups per iteration, filters failed ones and lists failed ids once each', () => {
    const state = feed(run(), [
      request(0, execution('a', 0)),
      request(1, execution('b', 0, { tests: [failingTest] })),
      request(2, execution('a', 1)),
      request(3, execution('b', 1, { tests: [failingTest] })),
      request(4, execution('c', 2)),
    ]);
    const all = groupByIteration(state.rows, false);
    expect(all.map((g) => [g.iteration, g.rows.map((r) => r.execution.id)])).toEqual([
      [0, ['a', 'b']],
      [1, ['a', 'b']],
      [2, ['c']],
    ]);
    const failed = groupByIteration(state.rows, true);
    expect(failed.map((g) => [g.iteration, g.rows.map((r) => r.execution.id)])).toEqual([
      [0, ['b']],
      [1, ['b']],
    ]);
    expect(failedItemIds(state.rows)).toEqual(['b']);
    expect(requestLabel(state.rows[1].execution)).toBe('Folder / B');
  });

  it('computes live timings from the rows before the summary arrives', () => {
    const state = feed(run(), [
      request(0, execution('a', 0)),
      request(1, execution('b', 0, { response: { code: 500, status: 'Internal Server Error', responseTime: 30, responseSize: 50 } })),
      request(2, execution('c', 0, { response: undefined, requestError: { code: 'TIMEOUT', message: 't' } })),
    ]);
    expect(timingsOf(state, 4_000)).toEqual({ totalMs: 3_000, responseAverageMs: 20, responseMinMs: 10, responseMaxMs: 30, bytesReceived: 150 });
    expect(timingsOf(run(), 1_500)).toEqual({ totalMs: 500, responseAverageMs: 0, responseMinMs: 0, responseMaxMs: 0, bytesReceived: 0 });
  });

  it('a batch gives the same state as its events one by one', () => {
    const events: ProgressEvent[] = [
      { runId: 'r1', type: 'start', collection: { id: 'c', name: 'API' }, iterations: 2, requestsPerIteration: 2 },
      request(0, execution('a', 0)),
      request(1, execution('b', 0, { tests: [failingTest, skippedTest] })),
      request(1, execution('b', 0)),
      { runId: 'r1', type: 'iteration', iteration: 1 },
      request(0, execution('z', 1), 'other-run'),
      request(2, execution('a', 1)),
      { runId: 'r1', type: 'done', summary: summary() },
    ];
    const batched = applyProgressBatch(run(), events, 5_000);
    expect(batched).toEqual(feed(run(), events));
    expect(batched.rows.map((r) => r.execution.id)).toEqual(['a', 'b', 'a']);
    expect(batched.status).toBe('done');
    const unchanged = run();
    expect(applyProgressBatch(unchanged, [request(0, execution('z', 0), 'other-run')], 5_000)).toBe(unchanged);
  });

  it('takes a 10,000-request run in batches without copying the rows per event', () => {
    let state = startedRun({ runId: 'r1', iterations: 1, requestsPerIteration: 10_000, dataProblems: [] }, 'API', [], 0);
    const events = Array.from({ length: 10_000 }, (_, i) => request(i, execution(`r${i % 50}`, 0, i % 7 === 0 ? { tests: [failingTest] } : {})));
    for (let i = 0; i < events.length; i += 250) state = applyProgressBatch(state, events.slice(i, i + 250), 1);
    expect(state.rows).toHaveLength(10_000);
    expect(state.counts.requestsFailed).toBe(Math.ceil(10_000 / 7));
    expect(progressOf(state)).toEqual({ done: 10_000, total: 10_000, fraction: 1 });
  });
});
