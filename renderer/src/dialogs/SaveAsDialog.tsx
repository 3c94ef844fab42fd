// "Save as": name the request and pick the collection or folder to save it into.
import { useMemo, useState } from 'react';
import type { TreeNode } from '../../../shared/model';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/Icon';
import { rpc } from '../rpc';
import { useDialogs } from '../state/dialogs';
import { saveRequestAs } from '../state/tabActions';
import { getTab } from '../state/tabs';
import { attempt } from '../state/toasts';
import { useTree } from '../state/tree';

export function SaveAsDialog({ tabId }: { tabId: string }) {
  const tab = getTab(tabId);
  const close = () => useDialogs.getState().openSaveAs(null);
  const children = useTree((s) => s.children);
  const [name, setName] = useState(tab?.kind === 'request' ? tab.draft.name : 'Untitled request');
  const [parentId, setParentId] = useState<string | null>(() => useTree.getState().children.get(null)?.[0]?.id ?? null);
  const [newCollection, setNewCollection] = useState('');
  const [busy, setBusy] = useState(false);

  const rows = useMemo(() => {
    const out: { node: TreeNode; level: number }[] = [];
    const walk = (pid: string | null, level: number) => {
      for (const n of children.get(pid) ?? []) {
        if (n.kind === 'request') continue;
        out.push({ node: n, level });
        walk(n.id, level + 1);
      }
    };
    walk(null, 0);
    return out;
  }, [children]);

  const create = async () => {
    const n = newCollection.trim();
    if (!n) return;
    const item = await attempt(() => rpc['items.create']({ kind: 'collection', parentId: null, name: n }), 'Could not create the collection');
    if (!item) return;
    await useTree.getState().reload();
    setParentId(item.id);
    setNewCollection('');
  };

  const save = async () => {
    if (!parentId) return;
    setBusy(true);
    const ok = await saveRequestAs(tabId, parentId, name);
    setBusy(false);
    if (ok) close();
  };

  return (
    <Dialog
      title="Save request"
      onClose={close}
      width={520}
      footer={
        <>
          <button className="button" onClick={close}>
            Cancel
          </button>
          <button className="button primary" disabled={!parentId || !name.trim() || busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <label className="field-label" htmlFor="save-as-name">
        Request name
      </label>
      <input
        id="save-as-name"
        className="input"
        data-autofocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      <div className="field-label spaced">Save to</div>
      <div className="location-list" role="listbox" aria-label="Collection or folder">
        {rows.length === 0 && <p className="muted">No collections yet: create one below.</p>}
        {rows.map(({ node, level }) => (
          <div
            key={node.id}
            role="option"
            aria-selected={parentId === node.id}
            tabIndex={0}
            className={`location-row ${parentId === node.id ? 'selected' : ''}`}
            style={{ paddingLeft: 10 + level * 16 }}
            onClick={() => setParentId(node.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') setParentId(node.id);
            }}
          >
            <Icon name={node.kind === 'collection' ? 'layers' : 'folder'} size={14} />
            {node.name}
          </div>
        ))}
      </div>
      <div className="inline-create">
        <input
          className="input small"
          placeholder="New collection name"
          aria-label="New collection name"
          value={newCollection}
          onChange={(e) => setNewCollection(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void create();
          }}
        />
        <button className="button small" disabled={!newCollection.trim()} onClick={() => void create()}>
          <Icon name="plus" size={13} /> Create collection
        </button>
      </div>
    </Dialog>
  );
}
