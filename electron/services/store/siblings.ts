// Where a node goes among its siblings: the stored side of order.ts. Picks the sort key for a
// position and renumbers the siblings when their keys have no room left between them.
import type { Connection } from './connection.js';
import { renumbered, SORT_SPACING, sortKeyAt } from './order.js';

/** The children of `parentId` (null: the top level) in display order, without `exceptId`. */
export function siblingKeys(conn: Connection, parentId: string | null, exceptId: string | null): { id: string; sort: number }[] {
  const rows = (
    parentId === null
      ? conn.stmt('SELECT id, sort FROM items WHERE parent_id IS NULL ORDER BY sort, rid').all()
      : conn.stmt('SELECT id, sort FROM items WHERE parent_id = ? ORDER BY sort, rid').all(parentId)
  ) as { id: string; sort: number }[];
  return exceptId === null ? rows : rows.filter((r) => r.id !== exceptId);
}

/**
 * The sort key for a node going to `index` among the children of `parentId` (appended when
 * undefined). Renumbers the siblings when there is no room between the neighbours.
 */
export function sortKeyFor(
  conn: Connection,
  parentId: string | null,
  index: number | undefined,
  exceptId: string | null,
): number {
  if (index === undefined && exceptId === null) {
    // Appending: one index lookup, not a read of every sibling.
    const max = (
      parentId === null
        ? conn.stmt('SELECT max(sort) FROM items WHERE parent_id IS NULL').pluck().get()
        : conn.stmt('SELECT max(sort) FROM items WHERE parent_id = ?').pluck().get(parentId)
    ) as number | null;
    return max === null ? SORT_SPACING : max + SORT_SPACING;
  }
  const siblings = siblingKeys(conn, parentId, exceptId);
  const at = index ?? siblings.length;
  const key = sortKeyAt(
    siblings.map((s) => s.sort),
    at,
  );
  if (key !== null) return key;
  const keys = renumbered(siblings.length);
  const update = conn.stmt('UPDATE items SET sort = ? WHERE id = ?');
  siblings.forEach((s, i) => update.run(keys[i], s.id));
  return sortKeyAt(keys, at)!;
}
