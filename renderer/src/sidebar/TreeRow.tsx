// One row of the tree: chevron, icon or method badge, name (or the rename box), "⋯" menu.
// Draggable; shows where a drop would land (before, after, into).
import { memo, useRef, type DragEvent } from 'react';
import type { TreeNode } from '../../../shared/model';
import { Icon } from '../common/Icon';
import { showMenuAt, useMenu } from '../common/Menu';
import { openItem } from '../state/tabActions';
import { useTree } from '../state/tree';
import { methodClass, methodLabel } from '../util/methods';
import { DRAG_TYPE, useDrag } from './dragState';
import { itemMenu } from './itemMenu';
import { allowedDrop, moveItem, renameItem, type DropPosition } from './treeActions';

interface Props {
  node: TreeNode;
  level: number;
  expanded: boolean;
  hasChildren: boolean;
  selected: boolean;
  renaming: boolean;
  posinset: number;
  setsize: number;
  forceOpen: boolean;
}

export const TreeRow = memo(function TreeRow({ node, level, expanded, hasChildren, selected, renaming, posinset, setsize, forceOpen }: Props) {
  const over = useDrag((s) => (s.over?.id === node.id ? s.over.position : null));
  const dragging = useDrag((s) => s.draggingId === node.id);
  const expandTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const container = node.kind !== 'request';
  const open = forceOpen || expanded;

  const onClick = () => {
    const tree = useTree.getState();
    tree.select(node.id);
    if (container && !expanded) tree.toggle(node.id, true);
    void openItem(node.id);
  };

  const positionFor = (e: DragEvent<HTMLElement>): DropPosition => {
    const r = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - r.top) / r.height;
    if (container && node.kind !== 'collection') return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'into';
    if (node.kind === 'collection') {
      const dragged = useTree.getState().byId.get(useDrag.getState().draggingId ?? '');
      if (dragged?.kind === 'collection') return y < 0.5 ? 'before' : 'after';
      return 'into';
    }
    return y < 0.5 ? 'before' : 'after';
  };

  const onDragOver = (e: DragEvent<HTMLElement>) => {
    const draggingId = useDrag.getState().draggingId;
    const dragged = draggingId ? useTree.getState().byId.get(draggingId) : undefined;
    if (!dragged) return;
    const position = positionFor(e);
    if (!allowedDrop(dragged, node, position)) {
      useDrag.getState().setOver(null);
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    useDrag.getState().setOver({ id: node.id, position });
    if (position === 'into' && !expanded && !expandTimer.current) {
      expandTimer.current = setTimeout(() => {
        expandTimer.current = null;
        if (useDrag.getState().over?.id === node.id) useTree.getState().toggle(node.id, true);
      }, 700);
    }
  };

  const clearTimer = () => {
    if (expandTimer.current) clearTimeout(expandTimer.current);
    expandTimer.current = null;
  };

  return (
    <div
      role="treeitem"
      aria-level={level}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-expanded={container ? open : undefined}
      aria-selected={selected}
      aria-label={`${node.kind === 'request' ? (node.method ?? 'GET') + ' ' : ''}${node.name}`}
      data-id={node.id}
      data-kind={node.kind}
      data-testid={`tree-item-${node.kind}`}
      tabIndex={selected ? 0 : -1}
      className={`tree-row kind-${node.kind} ${selected ? 'selected' : ''} ${dragging ? 'dragging' : ''} ${over ? `drop-${over}` : ''}`}
      style={{ paddingLeft: 8 + (level - 1) * 14 }}
      draggable={!renaming}
      onClick={onClick}
      onDoubleClick={(e) => {
        e.stopPropagation();
        useTree.getState().setRenaming(node.id);
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        useTree.getState().select(node.id);
        useMenu.getState().show(e.clientX, e.clientY, itemMenu(node), `${node.name} actions`);
      }}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, node.id);
        e.dataTransfer.setData('text/plain', node.name);
        e.dataTransfer.effectAllowed = 'move';
        useDrag.getState().start(node.id);
      }}
      onDragEnd={() => {
        clearTimer();
        useDrag.getState().end();
      }}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) {
          clearTimer();
          if (useDrag.getState().over?.id === node.id) useDrag.getState().setOver(null);
        }
      }}
      onDrop={(e) => {
        e.preventDefault();
        clearTimer();
        const draggedId = useDrag.getState().draggingId ?? e.dataTransfer.getData(DRAG_TYPE);
        const position = positionFor(e);
        useDrag.getState().end();
        if (draggedId) void moveItem(draggedId, node.id, position);
      }}
    >
      <span
        className={`tree-chevron ${container && hasChildren ? '' : 'hidden'}`}
        onClick={(e) => {
          e.stopPropagation();
          if (!forceOpen) useTree.getState().toggle(node.id);
        }}
        aria-hidden="true"
      >
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
      </span>
      {node.kind === 'request' ? (
        <span className={`method-badge ${methodClass(node.method)}`}>{methodLabel(node.method)}</span>
      ) : (
        <Icon name={node.kind === 'collection' ? 'layers' : 'folder'} size={15} className="tree-icon" />
      )}
      {renaming ? (
        <RenameBox node={node} />
      ) : (
        <span className="tree-name" title={node.name}>
          {node.name}
        </span>
      )}
      <button
        className="icon-button subtle tree-more"
        aria-label={`More actions for ${node.name}`}
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          useTree.getState().select(node.id);
          showMenuAt(e.currentTarget, itemMenu(node), `${node.name} actions`);
        }}
      >
        <Icon name="dots" size={14} />
      </button>
    </div>
  );
});

function RenameBox({ node }: { node: TreeNode }) {
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    useTree.getState().setRenaming(null);
    if (value !== null) void renameItem(node.id, value);
  };
  return (
    <input
      className="tree-rename"
      aria-label={`New name for ${node.name}`}
      defaultValue={node.name}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}
