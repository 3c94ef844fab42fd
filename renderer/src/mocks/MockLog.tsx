// The live request log of the picked mock: newest first; a filter (words, or 4xx/5xx); Clear
// empties it on screen only when pressed. At most SHOWN rows are drawn, however long the log.
import { useMemo } from 'react';
import type { MockLogEntry } from '../../../shared/contract-design';
import { useMocks } from '../state/mocks';
import { filterLog, logTime } from './mockLog';
import { clearLog } from './mocksActions';

/** Rows drawn at most; the rest stay in the log (the filter reaches them). */
export const SHOWN = 200;

const NO_LOG: MockLogEntry[] = [];

function statusClass(status: number): string {
  if (status >= 500) return 'mocks-5xx';
  if (status >= 400) return 'mocks-4xx';
  if (status >= 300) return 'mocks-3xx';
  return 'mocks-2xx';
}

function LogRow({ entry }: { entry: MockLogEntry }) {
  return (
    <tr data-testid="mock-log-row" data-status={entry.status}>
      <td className="mocks-mono muted">{logTime(entry.at)}</td>
      <td className="mocks-mono">{entry.method}</td>
      <td className="mocks-mono mocks-path" title={entry.path}>
        {entry.path}
      </td>
      <td className={`mocks-mono ${statusClass(entry.status)}`} data-testid="mock-log-status">
        {entry.status}
      </td>
      <td className="mocks-mono muted">{Math.round(entry.durationMs)} ms</td>
      <td className="mocks-match" data-testid="mock-log-match">{entry.match ?? <span className="muted">no match</span>}</td>
      <td data-testid="mock-log-problems">
        {entry.problems.length > 0 && (
          <ul className="mocks-problems">
            {entry.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function MockLog() {
  const selectedId = useMocks((s) => s.selectedId);
  const mock = useMocks((s) => s.mocks.find((m) => m.id === s.selectedId) ?? s.stopped.find((m) => m.id === s.selectedId));
  const log = useMocks((s) => (s.selectedId ? (s.logs[s.selectedId] ?? NO_LOG) : NO_LOG));
  const filter = useMocks((s) => s.filter);
  const shown = useMemo(() => filterLog(log, filter), [log, filter]);
  if (!selectedId || !mock) return null;

  return (
    <section className="mocks-log" aria-label={`Request log of ${mock.name}`} data-testid="mock-log">
      <div className="mocks-log-toolbar">
        <h3 className="mocks-log-title">Requests · {mock.name}</h3>
        <input
          type="search"
          className="input"
          aria-label="Filter the request log"
          placeholder="Filter: path, method, status, 4xx…"
          value={filter}
          onChange={(e) => useMocks.setState({ filter: e.target.value })}
        />
        <span className="muted small" data-testid="mock-log-count">
          {filter ? `${shown.length} of ${log.length}` : `${log.length}`} {log.length === 1 ? 'request' : 'requests'}
        </span>
        <button type="button" className="button small plain" disabled={log.length === 0} onClick={() => clearLog(mock.id)}>
          Clear log
        </button>
      </div>
      {log.length === 0 ? (
        <p className="muted mocks-empty">No requests yet. Call {mock.url} and each request shows here as it is answered.</p>
      ) : (
        <div className="mocks-log-scroll">
          <table className="mocks-log-table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Method</th>
                <th>Path</th>
                <th>Status</th>
                <th>Took</th>
                <th>Matched</th>
                <th>Problems</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, SHOWN).map((e) => (
                <LogRow key={e.seq} entry={e} />
              ))}
            </tbody>
          </table>
          {shown.length > SHOWN && (
            <p className="muted small mocks-note" data-testid="mock-log-more">
              Showing the newest {SHOWN} of {shown.length}; filter to find older ones.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
