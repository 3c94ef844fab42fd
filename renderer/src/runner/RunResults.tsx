// A run's results: per iteration, per request; a "Failed only" filter, the timings, "Re-run
// failed" and the report exports. Long runs show their rows a page at a time.
import { useState } from 'react';
import { Icon } from '../common/Icon';
import { useRunner, type RunnerTabState } from '../state/runner';
import { formatBytes, formatMs } from '../util/format';
import { ResultRow } from './ResultRow';
import { exportReport, rerunFailed } from './runnerActions';
import { failedItemIds, groupByIteration, timingsOf, type RunState } from './runState';

const PAGE = 300;
const REPORT_LABEL = { json: 'JSON', junit: 'JUnit', html: 'HTML' } as const;

function Timings({ run }: { run: RunState }) {
  const t = timingsOf(run, Date.now());
  return (
    <dl className="runner-timings" data-testid="runner-timings">
      <div>
        <dt>Total</dt>
        <dd>{formatMs(t.totalMs)}</dd>
      </div>
      <div>
        <dt>Average response</dt>
        <dd data-testid="runner-average">{formatMs(t.responseAverageMs)}</dd>
      </div>
      <div>
        <dt>Min / max</dt>
        <dd>
          {formatMs(t.responseMinMs)} / {formatMs(t.responseMaxMs)}
        </dd>
      </div>
      <div>
        <dt>Received</dt>
        <dd>{formatBytes(t.bytesReceived)}</dd>
      </div>
    </dl>
  );
}

export function RunResults({ tabId, state, run }: { tabId: string; state: RunnerTabState; run: RunState }) {
  const [limit, setLimit] = useState(PAGE);
  const finished = run.status !== 'running';
  const failedIds = failedItemIds(run.rows);
  const groups = groupByIteration(run.rows, state.failedOnly);
  let budget = limit;
  const shown = groups.map((g) => {
    const rows = g.rows.slice(0, Math.max(0, budget));
    budget -= rows.length;
    return { ...g, rows };
  });
  const hidden = groups.reduce((n, g) => n + g.rows.length, 0) - limit;

  return (
    <section className="runner-results" aria-label="Run results">
      <div className="runner-results-toolbar">
        <label className="runner-check">
          <input
            type="checkbox"
            checked={state.failedOnly}
            onChange={(e) => useRunner.getState().update(tabId, (s) => ({ ...s, failedOnly: e.target.checked }))}
          />
          Failed only
        </label>
        <div className="grow" />
        <button className="button" disabled={!finished || failedIds.length === 0 || state.starting} onClick={() => void rerunFailed(tabId)}>
          Re-run failed{failedIds.length > 0 ? ` (${failedIds.length})` : ''}
        </button>
        <span className="muted">Export report:</span>
        {(Object.keys(REPORT_LABEL) as (keyof typeof REPORT_LABEL)[]).map((format) => (
          <button
            key={format}
            className="button small"
            aria-label={`Export ${REPORT_LABEL[format]} report`}
            disabled={!finished || run.status === 'failed'}
            onClick={() => void exportReport(tabId, format)}
          >
            <Icon name="download" size={13} /> {REPORT_LABEL[format]}
          </button>
        ))}
      </div>
      <Timings run={run} />
      {shown.length === 0 && <p className="muted runner-empty">{state.failedOnly ? 'No failed requests.' : 'No requests have run yet.'}</p>}
      {shown.map(
        (g) =>
          g.rows.length > 0 && (
            <section key={g.iteration} className="runner-iteration" aria-label={`Iteration ${g.iteration + 1}`}>
              <h3>Iteration {g.iteration + 1}</h3>
              <ul>
                {g.rows.map((row) => (
                  <ResultRow key={row.sequence} row={row} />
                ))}
              </ul>
            </section>
          ),
      )}
      {hidden > 0 && (
        <button className="button" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, hidden)} more of {hidden}
        </button>
      )}
    </section>
  );
}
