// Sent requests, newest first, grouped by day. Clicking one opens it with its stored response.
import { useEffect } from 'react';
import { Icon } from '../common/Icon';
import { rpc } from '../rpc';
import { confirm } from '../state/dialogs';
import { useHistory } from '../state/history';
import { openHistoryEntry } from '../state/tabActions';
import { attempt } from '../state/toasts';
import { dayLabel, formatMs, formatTime } from '../util/format';
import { methodClass, methodLabel } from '../util/methods';
import { statusClass } from '../response/ResponseMeta';

export function HistoryPanel() {
  const entries = useHistory((s) => s.entries);
  const loaded = useHistory((s) => s.loaded);

  useEffect(() => {
    void useHistory.getState().reload();
  }, []);

  const clear = async () => {
    if (!(await confirm('Clear history', `Delete all ${entries.length} history entries? This cannot be undone.`, 'Clear'))) return;
    if (await attempt(() => rpc['history.clear']({}), 'Could not clear history')) await useHistory.getState().reload();
  };

  let lastDay = '';
  return (
    <div className="panel">
      <div className="panel-toolbar">
        <span className="panel-title">History</span>
        <button className="link-button danger" disabled={entries.length === 0} onClick={() => void clear()}>
          Clear all
        </button>
      </div>
      <div className="panel-scroll">
        {loaded && entries.length === 0 && (
          <div className="panel-empty">
            <Icon name="history" size={28} />
            <p className="muted">Requests you send appear here.</p>
          </div>
        )}
        <ul className="history-list" aria-label="History" data-testid="history-list">
          {entries.map((e) => {
            const day = dayLabel(e.sentAt);
            const header = day !== lastDay ? day : null;
            lastDay = day;
            return (
              <li key={e.id}>
                {header && <div className="history-day">{header}</div>}
                <button className="history-row" onClick={() => void openHistoryEntry(e.id)} title={`${e.method} ${e.url}`} data-testid="history-entry">
                  <span className={`method-badge ${methodClass(e.method)}`}>{methodLabel(e.method)}</span>
                  <span className="history-main">
                    <span className="history-url">{e.url}</span>
                    <span className="history-meta">
                      {e.status !== null ? (
                        <span className={`status-text ${statusClass(e.status)}`}>{e.status}</span>
                      ) : (
                        <span className="status-text status-5xx" title={e.error ?? undefined}>{e.error ?? 'Error'}</span>
                      )}
                      <span>{formatMs(e.durationMs)}</span>
                      <span>{formatTime(e.sentAt)}</span>
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
