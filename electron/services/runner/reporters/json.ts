// The JSON report, shaped like newman's (run.stats, run.timings, run.executions, run.failures)
// so scripts that read newman's report keep working — but without response bodies.
import type { Counter, RunResult } from '../types.js';
import { defaultExportPath, writeReport } from './export-file.js';
import { fullName, type Reporter } from './types.js';

const ERROR_NAMES = { assertion: 'AssertionError', request: 'RequestError', script: 'ScriptError', data: 'DataFileError' } as const;

const sum = (a: Counter, b: Counter): Counter => ({ total: a.total + b.total, failed: a.failed + b.failed, pending: a.pending + b.pending });

export function jsonReport(result: RunResult): unknown {
  const s = result.stats;
  const skipped = result.executions.filter((e) => e.skipped).length;
  return {
    collection: { info: { _postman_id: result.collection.id, name: result.collection.name } },
    environment: { values: result.variables.environment },
    globals: { values: result.variables.globals },
    run: {
      stats: {
        iterations: s.iterations,
        items: s.items,
        scripts: sum(s.prerequestScripts, s.testScripts),
        prerequests: { total: s.items.total, failed: 0, pending: 0 },
        requests: s.requests,
        tests: { total: s.items.total - skipped, failed: 0, pending: 0 },
        assertions: s.assertions,
        testScripts: s.testScripts,
        prerequestScripts: s.prerequestScripts,
      },
      timings: {
        started: Date.parse(result.startedAt),
        completed: Date.parse(result.finishedAt),
        responseAverage: result.timings.responseAverageMs,
        responseMin: result.timings.responseMinMs,
        responseMax: result.timings.responseMaxMs,
      },
      transfers: { responseTotal: result.timings.bytesReceived },
      executions: result.executions.map((e) => ({
        cursor: { iteration: e.iteration },
        item: { id: e.id, name: e.name, path: fullName(e) },
        request: e.request,
        ...(e.response ? { response: e.response } : {}),
        ...(e.requestError ? { requestError: e.requestError } : {}),
        ...(e.skipped ? { skipped: true } : {}),
        assertions: e.tests.map((t) => ({
          assertion: t.name,
          skipped: t.skipped,
          ...(!t.passed && !t.skipped ? { error: { name: 'AssertionError', message: t.error ?? 'failed' } } : {}),
        })),
        scriptErrors: e.scriptErrors,
      })),
      // newman's shape (error.name / error.message / error.test, source.name, cursor.iteration), so jq
      // filters written for newman's report keep working.
      failures: result.failures.map((f) => ({
        error: { name: ERROR_NAMES[f.kind], message: f.message, ...(f.test ? { test: f.test } : {}) },
        source: { name: f.source },
        cursor: { iteration: f.iteration },
        kind: f.kind,
      })),
      cancelled: result.cancelled,
      stoppedByBail: result.stoppedByBail,
      error: null,
    },
  };
}

export function jsonReporter(options: { export?: string; cwd?: string }): Reporter {
  return {
    finish: (result) => writeReport(options.export ?? defaultExportPath('json', new Date(), options.cwd), JSON.stringify(jsonReport(result), null, 2) + '\n'),
  };
}
