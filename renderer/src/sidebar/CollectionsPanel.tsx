// The Collections panel: new collection, a search box that filters the tree (items.search), the tree.
import { useEffect, useState } from 'react';
import { Icon } from '../common/Icon';
import { ImportDialog } from '../import-export/ImportDialog';
import { rpc } from '../rpc';
import { openRunner } from '../runner/runnerActions';
import { notifyError } from '../state/toasts';
import { ancestorsOf, useTree } from '../state/tree';
import { Tree } from './Tree';
import { createItem } from './treeActions';

export function CollectionsPanel() {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Set<string> | null>(null);
  const [importing, setImporting] = useState(false);
  const nodes = useTree((s) => s.nodes);
  const loaded = useTree((s) => s.loaded);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFilter(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const { hits } = await rpc['items.search']({ query: q, limit: 500 });
        if (cancelled) return;
        const { byId } = useTree.getState();
        const visible = new Set<string>();
        for (const h of hits) {
          visible.add(h.id);
          for (const a of ancestorsOf(h.id, byId)) visible.add(a.id);
        }
        setFilter(visible);
      } catch (err) {
        if (!cancelled) notifyError(err, 'Search failed');
      }
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, nodes]);

  return (
    <div className="panel collections-panel">
      <div className="panel-toolbar">
        <button className="icon-button" aria-label="New collection" title="New collection" onClick={() => void createItem('collection', null)}>
          <Icon name="plus" />
        </button>
        <button className="icon-button" aria-label="Import" title="Import Postman files" onClick={() => setImporting(true)}>
          <Icon name="download" />
        </button>
        <button className="icon-button" aria-label="Open the runner" title="Run a collection" onClick={() => openRunner()}>
          <Icon name="play" />
        </button>
        <div className="search-box">
          <Icon name="search" size={14} />
          <input
            type="search"
            placeholder="Search collections"
            aria-label="Search collections"
            data-testid="tree-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
            }}
          />
        </div>
      </div>
      <div className="panel-scroll">
        {loaded && nodes.length === 0 && (
          <div className="panel-empty">
            <p>No collections yet.</p>
            <p className="muted">Collections group your requests, folders, auth and variables.</p>
            <button className="button primary" onClick={() => void createItem('collection', null)}>
              Create a collection
            </button>
          </div>
        )}
        {filter && filter.size === 0 && <p className="panel-empty muted">Nothing matches “{query}”.</p>}
        <Tree filter={filter} />
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
