// Quick search (Ctrl/Cmd+K or P): find a collection, folder or request by name or URL and open it.
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/Icon';
import { rpc } from '../rpc';
import { useDialogs } from '../state/dialogs';
import { openItem } from '../state/tabActions';
import { useTree } from '../state/tree';
import { methodClass, methodLabel } from '../util/methods';

export function QuickSearch() {
  const close = () => useDialogs.getState().openPanel(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let cancelled = false;
    const t = setTimeout(() => {
      rpc['items.search']({ query: q, limit: 50 })
        .then((r) => {
          if (cancelled) return;
          setHits(r.hits);
          setIndex(0);
          setError(null);
        })
        .catch((err: unknown) => !cancelled && setError(err instanceof Error ? err.message : String(err)));
    }, 100);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [query]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    useTree.getState().expandPath(hit.id);
    void openItem(hit.id);
  };

  return (
    <Dialog title="Quick search" onClose={close} width={600} className="quick-search">
      <div className="search-box large">
        <Icon name="search" />
        <input
          data-autofocus
          type="search"
          aria-label="Search requests, folders and collections"
          placeholder="Search requests, folders and collections"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setIndex((i) => Math.min(i + 1, hits.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setIndex((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(hits[index]);
            }
          }}
        />
      </div>
      {error && <p className="error-text">{error}</p>}
      <ul className="quick-results" role="listbox" aria-label="Results">
        {hits.map((h, i) => (
          <li
            key={h.id}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'active' : ''}
            onMouseEnter={() => setIndex(i)}
            onClick={() => pick(h)}
          >
            {h.kind === 'request' ? (
              <span className={`method-badge ${methodClass(h.method)}`}>{methodLabel(h.method)}</span>
            ) : (
              <Icon name={h.kind === 'collection' ? 'layers' : 'folder'} size={15} />
            )}
            <span className="quick-main">
              <span className="quick-name">{h.name}</span>
              <span className="quick-path">{[...h.path, h.url].filter(Boolean).join(' › ')}</span>
            </span>
          </li>
        ))}
        {query.trim() && hits.length === 0 && !error && <li className="muted quick-none">No matches</li>}
      </ul>
    </Dialog>
  );
}
