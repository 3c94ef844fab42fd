// Counts for a run's summary, in newman's shape (total / failed / pending per kind), and the list
// of failures the reporters print.
import type { Execution, RunFailure, RunStats } from './types.js';

const counter = () => ({ total: 0, failed: 0, pending: 0 });

export class RunTally {
  readonly stats: RunStats = {
    iterations: counter(),
    items: counter(),
    requests: counter(),
    prerequestScripts: counter(),
    testScripts: counter(),
    assertions: counter(),
  };
  readonly failures: RunFailure[] = [];
  private responseTotal = 0;
  private responseMin = Infinity;
  private responseMax = 0;
  private bytes = 0;

  add(execution: Execution, scriptsRun: { prerequest: number; test: number }): void {
    const s = this.stats;
    const source = [...execution.path, execution.name].join(' / ');
    const iteration = execution.iteration;
    s.items.total++;
    s.prerequestScripts.total += scriptsRun.prerequest;
    s.testScripts.total += scriptsRun.test;
    if (!execution.skipped && (execution.response || execution.requestError)) s.requests.total++;
    if (execution.requestError) {
      s.requests.failed++;
      this.failures.push({ source, iteration, kind: 'request', message: `${execution.requestError.code}: ${execution.requestError.message}` });
    }
    if (execution.response) {
      const t = execution.response.responseTime;
      this.responseTotal += t;
      this.responseMin = Math.min(this.responseMin, t);
      this.responseMax = Math.max(this.responseMax, t);
      this.bytes += execution.response.responseSize;
    }
    for (const error of execution.scriptErrors) {
      (error.kind === 'prerequest' ? s.prerequestScripts : s.testScripts).failed++;
      this.failures.push({ source, iteration, kind: 'script', message: `${error.location}: ${error.message}` });
    }
    for (const test of execution.tests) {
      s.assertions.total++;
      if (test.skipped) s.assertions.pending++;
      else if (!test.passed) {
        s.assertions.failed++;
        this.failures.push({ source, iteration, kind: 'assertion', test: test.name, message: test.error ?? 'failed' });
      }
    }
  }

  addDataProblem(message: string): void {
    this.failures.push({ source: 'data file', iteration: -1, kind: 'data', message });
  }

  /** A request or folder of the collection that cannot be read, left out of the run. */
  addItemProblem(source: string, message: string): void {
    this.failures.push({ source, iteration: -1, kind: 'request', message });
  }

  timings(totalMs: number) {
    const n = this.stats.requests.total - this.stats.requests.failed;
    return {
      totalMs,
      responseAverageMs: n > 0 ? this.responseTotal / n : 0,
      responseMinMs: Number.isFinite(this.responseMin) ? this.responseMin : 0,
      responseMaxMs: this.responseMax,
      bytesReceived: this.bytes,
    };
  }
}
