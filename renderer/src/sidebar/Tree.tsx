// The collections tree (role="tree"): collections → folders → requests. With a filter (search
// hits and their ancestors) everything matching is shown expanded.
import { useMemo, type KeyboardEvent } from 'react';
import type { TreeNode } from '../../../shared/model';
import { openItem } from '../state/tabActions';
import { useTree } from '../state/tree';
import { deleteItem } from './treeActions';
import { TreeRow } from './TreeRow';

interface Row {
  node: TreeNode;
  level: number;
  posinset: number;
  setsize: number;
  hasChildren: boolean;
}

export function Tree({ filter }: { filter: Set<string> | null }) {
  const children = useTree((s) => s.children);
  const expanded = useTree((s) => s.expanded);
  const selectedId = useTree((s) => s.selectedId);
  const renamingId = useTree((s) => s.renamingId);

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (parentId: string | null, level: number) => {
      const list = (children.get(parentId) ?? []).filter((n) => !filter || filter.has(n.id));
      list.forEach((node, i) => {
        const kids = children.get(node.id) ?? [];
        out.push({ node, level, posinset: i + 1, setsize: list.length, hasChildren: kids.length > 0 });
        if (node.kind !== 'request' && (filter || expanded.has(node.id))) walk(node.id, level + 1);
      });
    };
    walk(null, 1);
    return out;
  }, [children, expanded, filter]);

  const focusRow = (id: string) => {
    useTree.getState().select(id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.tree [data-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const i = rows.findIndex((r) => r.node.id === selectedId);
    const row = rows[i];
    const tree = useTree.getState();
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (rows[i + 1]) focusRow(rows[i + 1].node.id);
        else if (i < 0 && rows[0]) focusRow(rows[0].node.id);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (i > 0) focusRow(rows[i - 1].node.id);
        break;
      case 'ArrowRight':
        if (row && row.node.kind !== 'request') {
          e.preventDefault();
          if (!expanded.has(row.node.id)) tree.toggle(row.node.id, true);
          else if (rows[i + 1]?.level > row.level) focusRow(rows[i + 1].node.id);
        }
        break;
      case 'ArrowLeft':
        if (row) {
          e.preventDefault();
          if (row.node.kind !== 'request' && expanded.has(row.node.id)) tree.toggle(row.node.id, false);
          else if (row.node.parentId) focusRow(row.node.parentId);
        }
        break;
      case 'Enter':
        if (row) {
          e.preventDefault();
          void openItem(row.node.id);
        }
        break;
      case 'F2':
        if (row) {
          e.preventDefault();
          tree.setRenaming(row.node.id);
        }
        break;
      case 'Delete':
        if (row) {
          e.preventDefault();
          void deleteItem(row.node.id);
        }
        break;
    }
  };

  return (
    <div className="tree" role="tree" aria-label="Collections" data-testid="tree" onKeyDown={onKeyDown}>
      {rows.map((r) => (
        <TreeRow
          key={r.node.id}
          node={r.node}
          level={r.level}
          posinset={r.posinset}
          setsize={r.setsize}
          hasChildren={r.hasChildren}
          expanded={expanded.has(r.node.id)}
          forceOpen={!!filter}
          selected={r.node.id === selectedId}
          renaming={r.node.id === renamingId}
        />
      ))}
    </div>
  );
}
