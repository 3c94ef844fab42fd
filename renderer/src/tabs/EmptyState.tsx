import { createItem } from '../sidebar/treeActions';
import { openNewRequest } from '../state/tabActions';
import { useDialogs } from '../state/dialogs';
import { SHORTCUTS } from '../shortcuts/shortcutList';

export function EmptyState() {
  return (
    <div className="empty-state">
      <h1>Courier</h1>
      <p className="muted">Build a request, send it, read the response.</p>
      <div className="empty-actions">
        <button className="button primary" onClick={openNewRequest}>
          New request
        </button>
        <button className="button" onClick={() => void createItem('collection', null)}>
          New collection
        </button>
        <button className="button" onClick={() => useDialogs.getState().openPanel('quickSearch')}>
          Search
        </button>
      </div>
      <dl className="empty-shortcuts">
        {SHORTCUTS.slice(0, 6).map((s) => (
          <div key={s.label}>
            <dt>{s.label}</dt>
            <dd>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
