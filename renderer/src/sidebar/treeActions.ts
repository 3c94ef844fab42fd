// What the tree's buttons, menus and drops do: create, rename, duplicate, delete, move.
import type { TreeNode } from '../../../shared/model';
import { rpc } from '../rpc';
import { confirm } from '../state/dialogs';
import { useResponses } from '../state/responses';
import { newRequestSpec } from '../state/settings';
import { openItem } from '../state/tabActions';
import { useTabs } from '../state/tabs';
import { attempt, notify } from '../state/toasts';
import { countDescendants, useTree } from '../state/tree';

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export async function createItem(kind: TreeNode['kind'], parentId: string | null): Promise<void> {
  const name = kind === 'collection' ? 'New Collection' : kind === 'folder' ? 'New Folder' : 'New Request';
  const item = await attempt(
    () => rpc['items.create']({ kind, parentId, name, ...(kind === 'request' ? { request: newRequestSpec() } : {}) }),
    `Could not create the ${kind}`,
  );
  if (!item) return;
  await useTree.getState().reload();
  const tree = useTree.getState();
  if (parentId) tree.toggle(parentId, true);
  tree.expandPath(item.id);
  tree.select(item.id);
  if (kind === 'request') await openItem(item.id);
  tree.setRenaming(item.id);
}

export async function renameItem(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  const node = useTree.getState().byId.get(id);
  if (!trimmed || !node || trimmed === node.name) return;
  const ok = await attempt(() => rpc['items.update']({ id, name: trimmed }), 'Could not rename');
  if (ok) await useTree.getState().reload();
}

export async function duplicateItem(id: string): Promise<void> {
  const item = await attempt(() => rpc['items.duplicate']({ id }), 'Could not duplicate');
  if (!item) return;
  await useTree.getState().reload();
  useTree.getState().select(item.id);
}

export function deleteMessage(node: TreeNode): string {
  const { children } = useTree.getState();
  if (node.kind === 'request') return `Delete request “${node.name}”? This cannot be undone.`;
  const { folders, requests } = countDescendants(node.id, children);
  const parts = [folders ? plural(folders, 'folder') : '', requests ? plural(requests, 'request') : ''].filter(Boolean);
  const what = node.kind === 'collection' ? 'collection' : 'folder';
  return parts.length
    ? `Delete ${what} “${node.name}” and its ${parts.join(' and ')}? This cannot be undone.`
    : `Delete ${what} “${node.name}”? It is empty.`;
}

export async function deleteItem(id: string): Promise<void> {
  const { byId, children } = useTree.getState();
  const node = byId.get(id);
  if (!node) return;
  const title = `Delete ${node.kind}`;
  if (!(await confirm(title, deleteMessage(node)))) return;
  const gone = new Set([id]);
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    gone.add(n.id);
    stack.push(...(children.get(n.id) ?? []));
  }
  const result = await attempt(() => rpc['items.delete']({ id }), `Could not delete the ${node.kind}`);
  if (!result) return;
  // Clean tabs of what was deleted close; tabs with unsaved edits stay open, unlinked.
  for (const tab of useTabs.getState().tabs) {
    if ((tab.kind === 'request' || tab.kind === 'container') && tab.itemId && gone.has(tab.itemId) && !tab.dirty) {
      useTabs.getState().remove(tab.id);
      useResponses.getState().drop(tab.id);
    }
  }
  await useTree.getState().reload();
  notify(`Deleted “${node.name}”`, 'success');
}

export type DropPosition = 'before' | 'after' | 'into';

/** Where `dragged` may go relative to `target`; null when it may not. */
export function allowedDrop(dragged: TreeNode, target: TreeNode, position: DropPosition): boolean {
  const { byId } = useTree.getState();
  if (dragged.id === target.id) return false;
  // never into itself or below itself
  let cur: TreeNode | undefined = target;
  while (cur) {
    if (cur.id === dragged.id) return false;
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  if (dragged.kind === 'collection') return target.kind === 'collection' && position !== 'into';
  if (position === 'into') return target.kind !== 'request';
  return target.kind !== 'collection';
}

export async function moveItem(draggedId: string, targetId: string, position: DropPosition): Promise<void> {
  const { byId, children } = useTree.getState();
  const dragged = byId.get(draggedId);
  const target = byId.get(targetId);
  if (!dragged || !target || !allowedDrop(dragged, target, position)) return;
  const parentId = position === 'into' ? target.id : target.parentId;
  const siblings = (children.get(parentId) ?? []).filter((n) => n.id !== dragged.id);
  let index: number;
  if (position === 'into') index = siblings.length;
  else {
    const at = siblings.findIndex((n) => n.id === target.id);
    index = position === 'before' ? at : at + 1;
  }
  const moved = await attempt(() => rpc['items.move']({ id: draggedId, parentId, index: Math.max(0, index) }), 'Could not move');
  if (!moved) return;
  if (position === 'into') useTree.getState().toggle(target.id, true);
  await useTree.getState().reload();
}
