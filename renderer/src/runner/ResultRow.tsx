// One request of one iteration in the results: method, path and name, status, time, size; its
// tests, script errors and console output.
import { formatBytes, formatMs } from '../util/format';
import { methodClass, methodLabel } from '../util/methods';
import { executionFailed, requestLabel, type ExecutionRow } from './runState';

function statusText(row: ExecutionRow): string {
  const e = row.execution;
  if (e.skipped) return 'skipped';
  if (e.response) return String(e.response.code);
  return e.requestError?.code ?? '—';
}

export function ResultRow({ row }: { row: ExecutionRow }) {
  const e = row.execution;
  const failed = executionFailed(e);
  const label = requestLabel(e);
  return (
    <li className={`runner-result ${failed ? 'failed' : 'passed'}`} data-testid="runner-result" data-failed={failed} aria-label={label}>
      <div className="runner-result-head">
        <span className={`method-badge small ${methodClass(e.request.method)}`}>{methodLabel(e.request.method)}</span>
        <span className="runner-result-name" data-testid="runner-result-name">
          {label}
        </span>
        <span className="runner-result-url muted" title={e.request.url}>
          {e.request.url}
        </span>
        <div className="grow" />
        <span className={`runner-code ${e.response && e.response.code < 400 ? 'ok' : 'bad'}`} data-testid="runner-result-status">
          {statusText(row)}
        </span>
        <span className="muted">{e.response ? formatMs(e.response.responseTime) : ''}</span>
        <span className="muted">{e.response ? formatBytes(e.response.responseSize) : ''}</span>
      </div>
      {e.requestError && <p className="runner-fail-message">{e.requestError.message}</p>}
      {e.tests.length > 0 && (
        <ul className="runner-tests">
          {e.tests.map((t, i) => {
            const outcome = t.skipped ? 'skipped' : t.passed ? 'pass' : 'fail';
            return (
              <li key={i} className={`runner-test ${outcome}`} data-testid="runner-test" data-outcome={outcome}>
                <span className="runner-test-outcome">{outcome.toUpperCase()}</span>
                <span>{t.name}</span>
                {t.error && !t.passed && !t.skipped && <span className="runner-fail-message"> — {t.error}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {e.scriptErrors.length > 0 && (
        <ul className="runner-script-errors" data-testid="runner-script-errors">
          {e.scriptErrors.map((s, i) => (
            <li key={i} className="runner-fail-message">
              {s.location}: {s.message}
            </li>
          ))}
        </ul>
      )}
      {row.console.length > 0 && (
        <details className="runner-console">
          <summary>Console ({row.console.length})</summary>
          <pre>
            {row.console.map((c, i) => (
              <div key={i} className={`console-${c.level}`}>
                {c.args.join(' ')}
              </div>
            ))}
          </pre>
        </details>
      )}
    </li>
  );
}
