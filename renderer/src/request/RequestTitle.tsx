// The breadcrumb above the URL: collection / folder / request name (editable in place).
import { useState } from 'react';
import { updateRequestDraft } from '../state/tabs';
import type { RequestTab } from '../state/tabTypes';
import { ancestorsOf, useTree } from '../state/tree';

export function RequestTitle({ tab }: { tab: RequestTab }) {
  const byId = useTree((s) => s.byId);
  const [editing, setEditing] = useState(false);
  const path = tab.itemId ? ancestorsOf(tab.itemId, byId).reverse() : [];
  return (
    <div className="request-title">
      {path.map((p) => (
        <span key={p.id} className="crumb">
          {p.name}
          <span className="crumb-sep">/</span>
        </span>
      ))}
      {!tab.itemId && <span className="crumb unsaved-label">Not saved ·</span>}
      {editing ? (
        <input
          className="title-input"
          aria-label="Request name"
          autoFocus
          value={tab.draft.name}
          onChange={(e) => updateRequestDraft(tab.id, (d) => ({ ...d, name: e.target.value }))}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
        />
      ) : (
        <button className="title-button" aria-label={`Rename request ${tab.draft.name}`} onClick={() => setEditing(true)} title="Rename">
          {tab.draft.name || 'Untitled request'}
        </button>
      )}
    </div>
  );
}
