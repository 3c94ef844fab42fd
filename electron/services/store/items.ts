// The item tree: collections at the top level, folders and requests inside them. Reading, creating,
// updating, duplicating, moving and deleting items, and walking up to an item's ancestors.
import { randomUUID } from 'node:crypto';
import { badInput } from '../../../shared/errors.js';
import {
  Auth,
  ItemKind,
  Preserved,
  RequestSpec,
  Scripts,
  defaultRequest,
  type ScriptsPatch,
  type Item,
  type TreeNode,
  type Variable,
} from '../../../shared/model.js';
import type { Connection } from './connection.js';
import { copyExamples } from './examples.js';
import { NAME_MAX } from './limits.js';
import { itemRow, parentRow, scriptsOf, toItem, type ItemRow } from './rows.js';
import { siblingKeys, sortKeyFor } from './siblings.js';
import { cleanDescription, cleanName, parseWith, Variables } from './validate.js';

export interface CreateItemInput {
  kind: ItemKind;
  parentId: string | null;
  name: string;
  request?: RequestSpec;
  index?: number;
  description?: string;
  auth?: Auth;
  variables?: Variable[];
  scripts?: ScriptsPatch;
  /** What an imported file held that Courier does not model (see Item.preserved). */
  preserved?: Preserved;
}

export interface UpdateItemInput {
  id: string;
  name?: string;
  description?: string;
  request?: RequestSpec;
  auth?: Auth;
  variables?: Variable[];
  /** The scripts given replace those stored; a missing one (prerequest or test) is kept. */
  scripts?: ScriptsPatch;
}

const INSERT_ITEM = `INSERT INTO items (id, parent_id, collection_id, kind, name, sort, description, method, url,
           request_json, auth_json, variables_json, scripts_json, preserved_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Scripts are stored only when one is not empty: NULL reads back as no scripts. */
function scriptsJson(scripts: Scripts): string | null {
  return scripts.prerequest === '' && scripts.test === '' ? null : JSON.stringify(scripts);
}

/** Every collection, folder and request, with minimal fields, ordered by parent then sort. */
export function tree(conn: Connection): TreeNode[] {
  const rows = conn
    .stmt('SELECT id, parent_id, kind, name, method, sort FROM items ORDER BY parent_id, sort, rid')
    .all() as Pick<ItemRow, 'id' | 'parent_id' | 'kind' | 'name' | 'method' | 'sort'>[];
  return rows.map((r) => {
    const node: TreeNode = { id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, sort: r.sort };
    if (r.method !== null) node.method = r.method;
    return node;
  });
}

export function getItem(conn: Connection, id: string): Item {
  return toItem(itemRow(conn, id));
}

export function createItem(conn: Connection, input: CreateItemInput): Item {
  return conn.transaction(() => {
    const kind = parseWith(ItemKind, input.kind, 'kind');
    const name = cleanName(input.name);
    const parent = input.parentId === null ? null : parentRow(conn, input.parentId);
    checkPlacement(kind, parent);
    if (input.request !== undefined && kind !== 'request') throw badInput(`A ${kind} has no request; only requests do.`);
    if (input.auth !== undefined && kind === 'request') {
      throw badInput("A request's auth is part of its request (request.auth).");
    }
    if (input.variables !== undefined && kind !== 'collection') {
      throw badInput('Only collections have variables.');
    }
    const request = kind === 'request' ? parseWith(RequestSpec, input.request ?? defaultRequest(), 'request') : null;
    const auth =
      kind === 'request' ? null : parseWith(Auth, input.auth ?? { type: kind === 'collection' ? 'none' : 'inherit' }, 'auth');
    const variables = kind === 'collection' ? parseWith(Variables, input.variables ?? [], 'variables') : null;
    const description = cleanDescription(input.description ?? '');
    const scripts = parseWith(Scripts, input.scripts ?? {}, 'scripts');
    const preserved = input.preserved === undefined ? null : parseWith(Preserved, input.preserved, 'preserved');
    if (input.index !== undefined && (!Number.isInteger(input.index) || input.index < 0)) {
      throw badInput('index must be a whole number, 0 or more.');
    }
    const id = randomUUID();
    const now = new Date().toISOString();
    conn.stmt(INSERT_ITEM).run(
      id,
      parent?.id ?? null,
      parent?.collection_id ?? id,
      kind,
      name,
      sortKeyFor(conn, parent?.id ?? null, input.index, null),
      description,
      request?.method ?? null,
      request?.url ?? null,
      request ? JSON.stringify(request) : null,
      auth ? JSON.stringify(auth) : null,
      variables ? JSON.stringify(variables) : null,
      scriptsJson(scripts),
      preserved ? JSON.stringify(preserved) : null,
      now,
      now,
    );
    return getItem(conn, id);
  });
}

export function updateItem(conn: Connection, input: UpdateItemInput): Item {
  return conn.transaction(() => {
    const row = itemRow(conn, input.id);
    const sets: string[] = [];
    const values: (string | null)[] = [];
    const set = (column: string, value: string | null) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (input.name !== undefined) set('name', cleanName(input.name));
    if (input.description !== undefined) set('description', cleanDescription(input.description));
    if (input.request !== undefined) {
      if (row.kind !== 'request') throw badInput(`"${row.name}" is a ${row.kind}; only requests have a request.`);
      const request = parseWith(RequestSpec, input.request, 'request');
      set('method', request.method);
      set('url', request.url);
      set('request_json', JSON.stringify(request));
    }
    if (input.auth !== undefined) {
      if (row.kind === 'request') throw badInput("A request's auth is part of its request (request.auth).");
      set('auth_json', JSON.stringify(parseWith(Auth, input.auth, 'auth')));
    }
    if (input.variables !== undefined) {
      if (row.kind !== 'collection') throw badInput(`"${row.name}" is a ${row.kind}; only collections have variables.`);
      set('variables_json', JSON.stringify(parseWith(Variables, input.variables, 'variables')));
    }
    if (input.scripts !== undefined) {
      const current = scriptsOf(row);
      const next = { prerequest: input.scripts.prerequest ?? current.prerequest, test: input.scripts.test ?? current.test };
      set('scripts_json', scriptsJson(parseWith(Scripts, next, 'scripts')));
    }
    set('updated_at', new Date().toISOString());
    conn.db.prepare(`UPDATE items SET ${sets.join(', ')} WHERE id = ?`).run(...values, row.id);
    return getItem(conn, row.id);
  });
}

/** Deep copy of the subtree, the copy named "<name> copy" and placed right after the original. */
export function duplicateItem(conn: Connection, id: string): Item {
  return conn.transaction(() => {
    const root = itemRow(conn, id);
    // Parents come before their children (ordered by depth) so the foreign keys hold on insert.
    const rows = conn
      .stmt(
        `WITH RECURSIVE sub(id, depth) AS (
           SELECT id, 0 FROM items WHERE id = ?
           UNION ALL SELECT i.id, sub.depth + 1 FROM items i JOIN sub ON i.parent_id = sub.id
         )
         SELECT items.* FROM sub JOIN items ON items.id = sub.id ORDER BY sub.depth, items.sort, items.rid`,
      )
      .all(root.id) as ItemRow[];
    const siblings = siblingKeys(conn, root.parent_id, null);
    const position = siblings.findIndex((s) => s.id === root.id);
    const newIds = new Map(rows.map((r) => [r.id, randomUUID()]));
    const newRootId = newIds.get(root.id)!;
    const collectionId = root.kind === 'collection' ? newRootId : root.collection_id;
    const now = new Date().toISOString();
    const insert = conn.stmt(INSERT_ITEM);
    for (const r of rows) {
      const isRoot = r.id === root.id;
      insert.run(
        newIds.get(r.id)!,
        isRoot ? r.parent_id : newIds.get(r.parent_id!)!,
        collectionId,
        r.kind,
        isRoot ? copyName(r.name) : r.name,
        isRoot ? sortKeyFor(conn, r.parent_id, position + 1, null) : r.sort,
        r.description,
        r.method,
        r.url,
        r.request_json,
        r.auth_json,
        r.variables_json,
        r.scripts_json,
        r.preserved_json,
        now,
        now,
      );
      if (r.kind === 'request') copyExamples(conn, r.id, newIds.get(r.id)!);
    }
    return getItem(conn, newRootId);
  });
}

/**
 * Puts an item at position `index` among the children of `parentId` (null: the top level, for
 * collections). Within the same parent this is a reorder; elsewhere the subtree follows and its
 * collectionId is updated.
 */
export function moveItem(conn: Connection, input: { id: string; parentId: string | null; index: number }): Item {
  return conn.transaction(() => {
    const row = itemRow(conn, input.id);
    if (!Number.isInteger(input.index) || input.index < 0) throw badInput('index must be a whole number, 0 or more.');
    const parent = input.parentId === null ? null : parentRow(conn, input.parentId);
    checkPlacement(row.kind, parent);
    if (parent) {
      if (parent.id === row.id) throw badInput(`"${row.name}" cannot be moved into itself.`);
      const above = conn
        .stmt(
          `WITH RECURSIVE up(id) AS (
             SELECT ? UNION SELECT i.parent_id FROM items i JOIN up ON i.id = up.id WHERE i.parent_id IS NOT NULL
           ) SELECT 1 FROM up WHERE id = ?`,
        )
        .get(parent.id, row.id);
      if (above) throw badInput(`"${row.name}" cannot be moved into "${parent.name}", which is inside it.`);
    }
    const parentId = parent?.id ?? null;
    const sort = sortKeyFor(conn, parentId, input.index, row.id);
    conn
      .stmt('UPDATE items SET parent_id = ?, sort = ?, updated_at = ? WHERE id = ?')
      .run(parentId, sort, new Date().toISOString(), row.id);
    const collectionId = parent ? parent.collection_id : row.id;
    if (collectionId !== row.collection_id) {
      conn
        .stmt(
          `WITH RECURSIVE sub(id) AS (
             SELECT ? UNION ALL SELECT i.id FROM items i JOIN sub ON i.parent_id = sub.id
           ) UPDATE items SET collection_id = ? WHERE id IN (SELECT id FROM sub)`,
        )
        .run(row.id, collectionId);
    }
    return getItem(conn, row.id);
  });
}

/** Deletes the item and everything under it; answers how many items went. */
export function deleteItem(conn: Connection, id: string): { deleted: number } {
  return conn.transaction(() => {
    const row = itemRow(conn, id);
    const count = conn
      .stmt(
        `WITH RECURSIVE sub(id) AS (
           SELECT ? UNION ALL SELECT i.id FROM items i JOIN sub ON i.parent_id = sub.id
         ) SELECT count(*) FROM sub`,
      )
      .pluck()
      .get(row.id) as number;
    conn.stmt('DELETE FROM items WHERE id = ?').run(row.id); // children go by ON DELETE CASCADE
    return { deleted: count };
  });
}

/** The parents of an item, nearest first, up to and including its collection. */
export function ancestors(conn: Connection, id: string): Item[] {
  const row = itemRow(conn, id);
  const rows = conn
    .stmt(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT ?, 1
         UNION ALL SELECT i.parent_id, up.depth + 1 FROM items i JOIN up ON i.id = up.id
           WHERE i.parent_id IS NOT NULL AND up.depth < 10000
       )
       SELECT items.* FROM up JOIN items ON items.id = up.id ORDER BY up.depth`,
    )
    .all(row.parent_id) as ItemRow[];
  return rows.map(toItem);
}

function checkPlacement(kind: ItemKind, parent: ItemRow | null): void {
  if (kind === 'collection') {
    if (parent) throw badInput('A collection cannot go inside another item; collections stay at the top level.');
    return;
  }
  if (!parent) throw badInput(`A ${kind} must be inside a collection or a folder.`);
  if (parent.kind === 'request') throw badInput(`"${parent.name}" is a request; only collections and folders hold items.`);
}

function copyName(name: string): string {
  const suffix = ' copy';
  return name.slice(0, NAME_MAX - suffix.length).trimEnd() + suffix;
}
