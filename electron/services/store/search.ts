// Finding items by name, URL or method, each hit with the path of names down to it.
import type { SearchHit } from '../../../shared/contract.js';
import type { Connection } from './connection.js';
import type { ItemRow } from './rows.js';

/**
 * Case-insensitive search on names, request URLs and methods. Every word of the query must match
 * somewhere. Words of 3+ characters go through the FTS5 trigram index; shorter ones are a LIKE
 * filter on the candidates (or on the table when the query has no long word). Name matches rank
 * first (exact, then prefix, then anywhere), then collections, folders, requests.
 */
export function search(conn: Connection, query: string, limit: number): SearchHit[] {
  const q = query.trim().toLowerCase();
  const max = Math.max(1, Math.min(Math.trunc(limit) || 1, 500));
  if (q === '') return [];
  const terms = [...new Set(q.split(/\s+/))];
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const params: (string | number)[] = [];
  const where: string[] = [];
  let from = 'items';
  if (long.length > 0) {
    from = 'items_search JOIN items ON items.rid = items_search.rowid';
    where.push('items_search MATCH ?');
    params.push(long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const t of short) {
    where.push(
      "(items.name LIKE ? ESCAPE '\\' OR items.url LIKE ? ESCAPE '\\' OR items.method LIKE ? ESCAPE '\\')",
    );
    const like = `%${escapeLike(t)}%`;
    params.push(like, like, like);
  }
  const whole = escapeLike(q);
  params.push(whole, `${whole}%`, `%${whole}%`, max);
  const rows = conn.db
    .prepare(
      `SELECT items.id, items.parent_id, items.kind, items.name, items.method, items.url FROM ${from}
         WHERE ${where.join(' AND ')}
         ORDER BY CASE
             WHEN items.name LIKE ? ESCAPE '\\' THEN 0
             WHEN items.name LIKE ? ESCAPE '\\' THEN 1
             WHEN items.name LIKE ? ESCAPE '\\' THEN 2
             ELSE 3 END,
           CASE items.kind WHEN 'collection' THEN 0 WHEN 'folder' THEN 1 ELSE 2 END,
           length(items.name), items.name COLLATE NOCASE, items.rid
         LIMIT ?`,
    )
    .all(...params) as Pick<ItemRow, 'id' | 'parent_id' | 'kind' | 'name' | 'method' | 'url'>[];
  const paths = new Map<string, string[]>();
  return rows.map((r) => {
    const hit: SearchHit = { id: r.id, kind: r.kind, name: r.name, path: pathTo(conn, r.parent_id, paths) };
    if (r.method !== null) hit.method = r.method;
    if (r.url !== null) hit.url = r.url;
    return hit;
  });
}

/** Names from the collection down to `parentId`, memoised across one search. */
function pathTo(conn: Connection, parentId: string | null, memo: Map<string, string[]>): string[] {
  if (parentId === null) return [];
  const known = memo.get(parentId);
  if (known) return known;
  const row = conn.stmt('SELECT parent_id, name FROM items WHERE id = ?').get(parentId) as
    | { parent_id: string | null; name: string }
    | undefined;
  const result = row ? [...pathTo(conn, row.parent_id, memo), row.name] : [];
  memo.set(parentId, result);
  return result;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
