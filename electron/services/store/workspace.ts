// The workspace store: one SQLite file per workspace (`${home}/workspace.sqlite`, WAL mode, foreign
// keys on) holding the item tree, environments, globals, settings, history and a small key-value
// table, plus a `files/` folder for files attached to request bodies. Plain Node: no `electron`.
//
// JSON columns (request, auth, variables, history) are validated with the shared zod schemas on read;
// a damaged row gives an error that names the item instead of a crash deeper in the app.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SearchHit } from '../../../shared/contract.js';
import { AppError, badInput, notFound } from '../../../shared/errors.js';
import {
  Auth,
  Environment,
  HistoryEntry,
  Item,
  ItemKind,
  RequestSpec,
  SendResult,
  Settings,
  TreeNode,
  Variable,
  defaultRequest,
} from '../../../shared/model.js';
import { migrate } from './migrate.js';
import { renumbered, SORT_SPACING, sortKeyAt } from './order.js';
import { childPath, sanitizeFileName } from './safe-path.js';

export const WORKSPACE_FILE = 'workspace.sqlite';
export const FILES_FOLDER = 'files';
/** History keeps this many newest entries. */
export const HISTORY_LIMIT = 1000;
/** Response bodies longer than this (characters of text or base64) are not kept in history. */
export const HISTORY_BODY_LIMIT = 2_000_000;
export const NAME_MAX = 500;
export const ENVIRONMENT_NAME_MAX = 200;
export const DESCRIPTION_MAX = 1_000_000;

export interface WorkspaceOptions {
  /** Newest history entries kept (default HISTORY_LIMIT). */
  historyLimit?: number;
  /** A better-sqlite3 binary built for another ABI (Electron's, during `npm start`). */
  nativeBinding?: string;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

export function openWorkspace(home: string, options: WorkspaceOptions = {}): Workspace {
  const dir = path.resolve(home);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, WORKSPACE_FILE);
  assertSqliteFile(file);
  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new AppError('INTERNAL', `Could not open the workspace ${file}: ${messageOf(err)}`);
  }
  try {
    // Wait for another process (the CLI beside the app) instead of failing at once on its lock.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('INTERNAL', `Could not open the workspace ${file}: ${messageOf(err)}`);
  }
  return new Workspace(dir, db, options);
}

/** Refuses, without writing anything, a workspace file that is not an SQLite database. */
function assertSqliteFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // not there yet: SQLite creates it
  }
  if (!stat.isFile()) throw new AppError('BAD_INPUT', `${file} is not a file, so it cannot be the workspace database.`);
  if (stat.size === 0) return; // an empty file is a new database to SQLite
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AppError(
      'BAD_INPUT',
      `${file} is not an SQLite database, so Courier cannot open it as its workspace. ` +
        'The file was left untouched; move it away or point COURIER_HOME at another folder.',
    );
  }
}

interface ItemRow {
  rid: number;
  id: string;
  parent_id: string | null;
  collection_id: string;
  kind: ItemKind;
  name: string;
  sort: number;
  description: string;
  method: string | null;
  url: string | null;
  request_json: string | null;
  auth_json: string | null;
  variables_json: string | null;
  created_at: string;
  updated_at: string;
}

interface EnvironmentRow {
  id: string;
  name: string;
  variables_json: string;
  created_at: string;
  updated_at: string;
}

interface HistoryRow {
  id: string;
  request_id: string | null;
  name: string;
  method: string;
  url: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
  size: number;
  sent_at: string;
  request_json: string;
  result_json: string;
}

const Variables = z.array(Variable);

export interface CreateItemInput {
  kind: ItemKind;
  parentId: string | null;
  name: string;
  request?: RequestSpec;
  index?: number;
  description?: string;
  auth?: Auth;
  variables?: Variable[];
}

export interface UpdateItemInput {
  id: string;
  name?: string;
  description?: string;
  request?: RequestSpec;
  auth?: Auth;
  variables?: Variable[];
}

export class Workspace {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly historyLimit: number;

  constructor(
    readonly home: string,
    private readonly db: Database.Database,
    options: WorkspaceOptions = {},
  ) {
    this.historyLimit = Math.max(1, Math.trunc(options.historyLimit ?? HISTORY_LIMIT));
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.statements.clear();
  }

  /** Runs `fn` in one transaction (a savepoint when nested); it takes the write lock up front. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // ---------------------------------------------------------------------------------------- items

  /** Every collection, folder and request, with minimal fields, ordered by parent then sort. */
  tree(): TreeNode[] {
    const rows = this.stmt(
      'SELECT id, parent_id, kind, name, method, sort FROM items ORDER BY parent_id, sort, rid',
    ).all() as Pick<ItemRow, 'id' | 'parent_id' | 'kind' | 'name' | 'method' | 'sort'>[];
    return rows.map((r) => {
      const node: TreeNode = { id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, sort: r.sort };
      if (r.method !== null) node.method = r.method;
      return node;
    });
  }

  getItem(id: string): Item {
    return toItem(this.itemRow(id));
  }

  createItem(input: CreateItemInput): Item {
    return this.transaction(() => {
      const kind = parseWith(ItemKind, input.kind, 'kind');
      const name = cleanName(input.name);
      const parent = input.parentId === null ? null : this.parentRow(input.parentId);
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
      if (input.index !== undefined && (!Number.isInteger(input.index) || input.index < 0)) {
        throw badInput('index must be a whole number, 0 or more.');
      }
      const id = randomUUID();
      const now = new Date().toISOString();
      this.stmt(
        `INSERT INTO items (id, parent_id, collection_id, kind, name, sort, description, method, url,
           request_json, auth_json, variables_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        parent?.id ?? null,
        parent?.collection_id ?? id,
        kind,
        name,
        this.sortKeyFor(parent?.id ?? null, input.index, null),
        description,
        request?.method ?? null,
        request?.url ?? null,
        request ? JSON.stringify(request) : null,
        auth ? JSON.stringify(auth) : null,
        variables ? JSON.stringify(variables) : null,
        now,
        now,
      );
      return this.getItem(id);
    });
  }

  updateItem(input: UpdateItemInput): Item {
    return this.transaction(() => {
      const row = this.itemRow(input.id);
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
      set('updated_at', new Date().toISOString());
      this.db.prepare(`UPDATE items SET ${sets.join(', ')} WHERE id = ?`).run(...values, row.id);
      return this.getItem(row.id);
    });
  }

  /** Deep copy of the subtree, the copy named "<name> copy" and placed right after the original. */
  duplicateItem(id: string): Item {
    return this.transaction(() => {
      const root = this.itemRow(id);
      // Parents come before their children (ordered by depth) so the foreign keys hold on insert.
      const rows = this.stmt(
        `WITH RECURSIVE sub(id, depth) AS (
           SELECT id, 0 FROM items WHERE id = ?
           UNION ALL SELECT i.id, sub.depth + 1 FROM items i JOIN sub ON i.parent_id = sub.id
         )
         SELECT items.* FROM sub JOIN items ON items.id = sub.id ORDER BY sub.depth, items.sort, items.rid`,
      ).all(root.id) as ItemRow[];
      const siblings = this.siblingKeys(root.parent_id, null);
      const position = siblings.findIndex((s) => s.id === root.id);
      const newIds = new Map(rows.map((r) => [r.id, randomUUID()]));
      const newRootId = newIds.get(root.id)!;
      const collectionId = root.kind === 'collection' ? newRootId : root.collection_id;
      const now = new Date().toISOString();
      const insert = this.stmt(
        `INSERT INTO items (id, parent_id, collection_id, kind, name, sort, description, method, url,
           request_json, auth_json, variables_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of rows) {
        const isRoot = r.id === root.id;
        insert.run(
          newIds.get(r.id)!,
          isRoot ? r.parent_id : newIds.get(r.parent_id!)!,
          collectionId,
          r.kind,
          isRoot ? copyName(r.name) : r.name,
          isRoot ? this.sortKeyFor(r.parent_id, position + 1, null) : r.sort,
          r.description,
          r.method,
          r.url,
          r.request_json,
          r.auth_json,
          r.variables_json,
          now,
          now,
        );
      }
      return this.getItem(newRootId);
    });
  }

  /**
   * Puts an item at position `index` among the children of `parentId` (null: the top level, for
   * collections). Within the same parent this is a reorder; elsewhere the subtree follows and its
   * collectionId is updated.
   */
  moveItem(input: { id: string; parentId: string | null; index: number }): Item {
    return this.transaction(() => {
      const row = this.itemRow(input.id);
      if (!Number.isInteger(input.index) || input.index < 0) throw badInput('index must be a whole number, 0 or more.');
      const parent = input.parentId === null ? null : this.parentRow(input.parentId);
      checkPlacement(row.kind, parent);
      if (parent) {
        if (parent.id === row.id) throw badInput(`"${row.name}" cannot be moved into itself.`);
        const above = this.stmt(
          `WITH RECURSIVE up(id) AS (
             SELECT ? UNION SELECT i.parent_id FROM items i JOIN up ON i.id = up.id WHERE i.parent_id IS NOT NULL
           ) SELECT 1 FROM up WHERE id = ?`,
        ).get(parent.id, row.id);
        if (above) throw badInput(`"${row.name}" cannot be moved into "${parent.name}", which is inside it.`);
      }
      const parentId = parent?.id ?? null;
      const sort = this.sortKeyFor(parentId, input.index, row.id);
      this.stmt('UPDATE items SET parent_id = ?, sort = ?, updated_at = ? WHERE id = ?').run(
        parentId,
        sort,
        new Date().toISOString(),
        row.id,
      );
      const collectionId = parent ? parent.collection_id : row.id;
      if (collectionId !== row.collection_id) {
        this.stmt(
          `WITH RECURSIVE sub(id) AS (
             SELECT ? UNION ALL SELECT i.id FROM items i JOIN sub ON i.parent_id = sub.id
           ) UPDATE items SET collection_id = ? WHERE id IN (SELECT id FROM sub)`,
        ).run(row.id, collectionId);
      }
      return this.getItem(row.id);
    });
  }

  /** Deletes the item and everything under it; answers how many items went. */
  deleteItem(id: string): { deleted: number } {
    return this.transaction(() => {
      const row = this.itemRow(id);
      const count = this.stmt(
        `WITH RECURSIVE sub(id) AS (
           SELECT ? UNION ALL SELECT i.id FROM items i JOIN sub ON i.parent_id = sub.id
         ) SELECT count(*) FROM sub`,
      )
        .pluck()
        .get(row.id) as number;
      this.stmt('DELETE FROM items WHERE id = ?').run(row.id); // children go by ON DELETE CASCADE
      return { deleted: count };
    });
  }

  /** The parents of an item, nearest first, up to and including its collection. */
  ancestors(id: string): Item[] {
    const row = this.itemRow(id);
    const rows = this.stmt(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT ?, 1
         UNION ALL SELECT i.parent_id, up.depth + 1 FROM items i JOIN up ON i.id = up.id
           WHERE i.parent_id IS NOT NULL AND up.depth < 10000
       )
       SELECT items.* FROM up JOIN items ON items.id = up.id ORDER BY up.depth`,
    ).all(row.parent_id) as ItemRow[];
    return rows.map(toItem);
  }

  /**
   * Case-insensitive search on names, request URLs and methods. Every word of the query must match
   * somewhere. Words of 3+ characters go through the FTS5 trigram index; shorter ones are a LIKE
   * filter on the candidates (or on the table when the query has no long word). Name matches rank
   * first (exact, then prefix, then anywhere), then collections, folders, requests.
   */
  search(query: string, limit: number): SearchHit[] {
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
    const rows = this.db
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
      const hit: SearchHit = { id: r.id, kind: r.kind, name: r.name, path: this.pathTo(r.parent_id, paths) };
      if (r.method !== null) hit.method = r.method;
      if (r.url !== null) hit.url = r.url;
      return hit;
    });
  }

  // --------------------------------------------------------------------------------- environments

  listEnvironments(): Environment[] {
    const rows = this.stmt('SELECT * FROM environments ORDER BY name COLLATE NOCASE, created_at, id').all() as EnvironmentRow[];
    return rows.map(toEnvironment);
  }

  getEnvironment(id: string): Environment {
    return toEnvironment(this.environmentRow(id));
  }

  createEnvironment(input: { name: string; variables?: Variable[] }): Environment {
    const name = cleanName(input.name, ENVIRONMENT_NAME_MAX);
    const variables = parseWith(Variables, input.variables ?? [], 'variables');
    const id = randomUUID();
    const now = new Date().toISOString();
    this.stmt('INSERT INTO environments (id, name, variables_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      name,
      JSON.stringify(variables),
      now,
      now,
    );
    return this.getEnvironment(id);
  }

  updateEnvironment(input: { id: string; name?: string; variables?: Variable[] }): Environment {
    return this.transaction(() => {
      const row = this.environmentRow(input.id);
      const name = input.name === undefined ? row.name : cleanName(input.name, ENVIRONMENT_NAME_MAX);
      const variables =
        input.variables === undefined ? row.variables_json : JSON.stringify(parseWith(Variables, input.variables, 'variables'));
      this.stmt('UPDATE environments SET name = ?, variables_json = ?, updated_at = ? WHERE id = ?').run(
        name,
        variables,
        new Date().toISOString(),
        row.id,
      );
      return this.getEnvironment(row.id);
    });
  }

  /** Deletes an environment; when it was the active one, no environment is active afterwards. */
  deleteEnvironment(id: string): void {
    this.transaction(() => {
      const row = this.environmentRow(id);
      this.stmt('DELETE FROM environments WHERE id = ?').run(row.id);
      const settings = this.getSettings();
      if (settings.activeEnvironmentId === row.id) this.writeDocument('settings', { ...settings, activeEnvironmentId: null });
    });
  }

  // ------------------------------------------------------------------------------ globals, settings

  getGlobals(): Variable[] {
    const json = this.readDocument('globals');
    if (json === null) return [];
    return readJson(Variables, json, 'The global variables');
  }

  setGlobals(variables: Variable[]): Variable[] {
    const parsed = parseWith(Variables, variables, 'variables');
    this.writeDocument('globals', parsed);
    return parsed;
  }

  /** The settings; a stored value that no longer passes the schema falls back to its default. */
  getSettings(): Settings {
    const json = this.readDocument('settings');
    let stored: Record<string, unknown> = {};
    if (json !== null) {
      try {
        const value: unknown = JSON.parse(json);
        if (value && typeof value === 'object' && !Array.isArray(value)) stored = value as Record<string, unknown>;
      } catch {
        stored = {};
      }
    }
    const first = Settings.safeParse(stored);
    if (first.success) return first.data;
    const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
    return Settings.parse(Object.fromEntries(Object.entries(stored).filter(([k]) => !bad.has(k))));
  }

  updateSettings(patch: Partial<Settings>): Settings {
    return this.transaction(() => {
      const known = Object.keys(Settings.shape);
      const unknown = Object.keys(patch).filter((k) => !known.includes(k));
      if (unknown.length > 0) throw badInput(`Unknown setting${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = parseWith(Settings, { ...this.getSettings(), ...defined }, 'settings');
      if (next.activeEnvironmentId !== null) this.environmentRow(next.activeEnvironmentId);
      this.writeDocument('settings', next);
      return next;
    });
  }

  // ----------------------------------------------------------------------------------- history

  addHistory(input: { requestId: string | null; name: string; request: RequestSpec; result: SendResult }): HistoryEntry {
    return this.transaction(() => {
      const request = parseWith(RequestSpec, input.request, 'request');
      const id = randomUUID();
      const result = forHistory({ ...parseWith(SendResult, input.result, 'result'), historyId: id });
      const entry: HistoryEntry = {
        id,
        requestId: input.requestId,
        name: input.name.trim().slice(0, NAME_MAX),
        method: result.sent?.method ?? request.method,
        url: result.sent?.url ?? request.url,
        status: result.response?.status ?? null,
        error: result.error?.message ?? null,
        durationMs: result.response?.timings.total ?? 0,
        size: result.response?.size.body ?? 0,
        sentAt: new Date().toISOString(),
      };
      this.stmt(
        `INSERT INTO history (id, request_id, name, method, url, status, error, duration_ms, size, sent_at,
           request_json, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        entry.id,
        entry.requestId,
        entry.name,
        entry.method,
        entry.url,
        entry.status,
        entry.error,
        entry.durationMs,
        entry.size,
        entry.sentAt,
        JSON.stringify(request),
        JSON.stringify(result),
      );
      this.stmt(
        'DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?)',
      ).run(this.historyLimit);
      return entry;
    });
  }

  /** The newest `limit` entries, newest first. */
  listHistory(limit: number): HistoryEntry[] {
    const n = Math.max(0, Math.trunc(limit) || 0);
    const rows = this.stmt('SELECT * FROM history ORDER BY seq DESC LIMIT ?').all(n) as HistoryRow[];
    return rows.map(toHistoryEntry);
  }

  getHistory(id: string): { entry: HistoryEntry; request: RequestSpec; result: SendResult } {
    const row = this.stmt('SELECT * FROM history WHERE id = ?').get(id) as HistoryRow | undefined;
    if (!row) throw notFound('History entry', id);
    const what = `History entry "${row.name || row.url}" (${row.id})`;
    return {
      entry: toHistoryEntry(row),
      request: readJson(RequestSpec, row.request_json, `${what}: its request`),
      result: readJson(SendResult, row.result_json, `${what}: its result`),
    };
  }

  clearHistory(): void {
    this.stmt('DELETE FROM history').run();
  }

  // ----------------------------------------------------------------------------------- kv, files

  getKv(key: string): string | null {
    const value = this.stmt('SELECT value FROM kv WHERE key = ?').pluck().get(key) as string | undefined;
    return value ?? null;
  }

  setKv(key: string, value: string): void {
    this.stmt('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  /** Saves a file the user picked under `${home}/files/<uuid>-<sanitised name>`. */
  storeFile(name: string, bytes: Buffer): { path: string; name: string; size: number } {
    const dir = path.join(this.home, FILES_FOLDER);
    fs.mkdirSync(dir, { recursive: true });
    const safe = sanitizeFileName(name);
    const file = childPath(dir, `${randomUUID()}-${safe}`);
    fs.writeFileSync(file, bytes, { flag: 'wx' });
    return { path: file, name: safe, size: bytes.length };
  }

  // ---------------------------------------------------------------------------------- internals

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private itemRow(id: string): ItemRow {
    const row = this.stmt('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!row) throw notFound('Item', id);
    return row;
  }

  private parentRow(id: string): ItemRow {
    const row = this.stmt('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!row) throw notFound('Parent item', id);
    return row;
  }

  private environmentRow(id: string): EnvironmentRow {
    const row = this.stmt('SELECT * FROM environments WHERE id = ?').get(id) as EnvironmentRow | undefined;
    if (!row) throw notFound('Environment', id);
    return row;
  }

  private siblingKeys(parentId: string | null, exceptId: string | null): { id: string; sort: number }[] {
    const rows = (
      parentId === null
        ? this.stmt('SELECT id, sort FROM items WHERE parent_id IS NULL ORDER BY sort, rid').all()
        : this.stmt('SELECT id, sort FROM items WHERE parent_id = ? ORDER BY sort, rid').all(parentId)
    ) as { id: string; sort: number }[];
    return exceptId === null ? rows : rows.filter((r) => r.id !== exceptId);
  }

  /**
   * The sort key for a node going to `index` among the children of `parentId` (appended when
   * undefined). Renumbers the siblings when there is no room between the neighbours.
   */
  private sortKeyFor(parentId: string | null, index: number | undefined, exceptId: string | null): number {
    if (index === undefined && exceptId === null) {
      // Appending: one index lookup, not a read of every sibling.
      const max = (
        parentId === null
          ? this.stmt('SELECT max(sort) FROM items WHERE parent_id IS NULL').pluck().get()
          : this.stmt('SELECT max(sort) FROM items WHERE parent_id = ?').pluck().get(parentId)
      ) as number | null;
      return max === null ? SORT_SPACING : max + SORT_SPACING;
    }
    const siblings = this.siblingKeys(parentId, exceptId);
    const at = index ?? siblings.length;
    const key = sortKeyAt(
      siblings.map((s) => s.sort),
      at,
    );
    if (key !== null) return key;
    const keys = renumbered(siblings.length);
    const update = this.stmt('UPDATE items SET sort = ? WHERE id = ?');
    siblings.forEach((s, i) => update.run(keys[i], s.id));
    return sortKeyAt(keys, at)!;
  }

  /** Names from the collection down to `parentId`, memoised across one search. */
  private pathTo(parentId: string | null, memo: Map<string, string[]>): string[] {
    if (parentId === null) return [];
    const known = memo.get(parentId);
    if (known) return known;
    const row = this.stmt('SELECT parent_id, name FROM items WHERE id = ?').get(parentId) as
      | { parent_id: string | null; name: string }
      | undefined;
    const result = row ? [...this.pathTo(row.parent_id, memo), row.name] : [];
    memo.set(parentId, result);
    return result;
  }

  private readDocument(key: string): string | null {
    const json = this.stmt('SELECT json FROM documents WHERE key = ?').pluck().get(key) as string | undefined;
    return json ?? null;
  }

  private writeDocument(key: string, value: unknown): void {
    this.stmt(
      `INSERT INTO documents (key, json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    ).run(key, JSON.stringify(value), new Date().toISOString());
  }
}

// ------------------------------------------------------------------------------------- helpers

function checkPlacement(kind: ItemKind, parent: ItemRow | null): void {
  if (kind === 'collection') {
    if (parent) throw badInput('A collection cannot go inside another item; collections stay at the top level.');
    return;
  }
  if (!parent) throw badInput(`A ${kind} must be inside a collection or a folder.`);
  if (parent.kind === 'request') throw badInput(`"${parent.name}" is a request; only collections and folders hold items.`);
}

function cleanName(name: unknown, max = NAME_MAX): string {
  if (typeof name !== 'string') throw badInput('A name is required.');
  const trimmed = name.trim();
  if (trimmed === '') throw badInput('A name is required.');
  if (trimmed.length > max) throw badInput(`A name can be at most ${max} characters (this one has ${trimmed.length}).`);
  return trimmed;
}

function cleanDescription(description: unknown): string {
  if (typeof description !== 'string') throw badInput('description must be text.');
  if (description.length > DESCRIPTION_MAX) throw badInput(`A description can be at most ${DESCRIPTION_MAX} characters.`);
  return description;
}

function copyName(name: string): string {
  const suffix = ' copy';
  return name.slice(0, NAME_MAX - suffix.length).trimEnd() + suffix;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Validates input; a failure is BAD_INPUT with the zod issues attached. */
function parseWith<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: [label, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new AppError('BAD_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** Reads a stored JSON column; a damaged one is an error that says which row it was. */
function readJson<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new AppError('INTERNAL', `${what} is damaged in the workspace file: it is not valid JSON (${messageOf(err)}).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length ? ` at ${first.path.join('.')}` : '';
    throw new AppError('INTERNAL', `${what} is damaged in the workspace file: ${first.message}${where}.`);
  }
  return parsed.data;
}

function toItem(row: ItemRow): Item {
  const what = `The ${row.kind} "${row.name}" (${row.id})`;
  const item: Item = {
    id: row.id,
    parentId: row.parent_id,
    collectionId: row.collection_id,
    kind: row.kind,
    name: row.name,
    sort: row.sort,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.kind === 'request') {
    item.request =
      row.request_json === null ? defaultRequest() : readJson(RequestSpec, row.request_json, `${what}: its request`);
  }
  if (row.auth_json !== null) item.auth = readJson(Auth, row.auth_json, `${what}: its auth`);
  if (row.variables_json !== null) item.variables = readJson(Variables, row.variables_json, `${what}: its variables`);
  return item;
}

function toEnvironment(row: EnvironmentRow): Environment {
  return {
    id: row.id,
    name: row.name,
    variables: readJson(Variables, row.variables_json, `The environment "${row.name}" (${row.id}): its variables`),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    requestId: row.request_id,
    name: row.name,
    method: row.method,
    url: row.url,
    status: row.status,
    error: row.error,
    durationMs: row.duration_ms,
    size: row.size,
    sentAt: row.sent_at,
  };
}

/** A response body too large to keep in history is replaced by a note saying so. */
function forHistory(result: SendResult): SendResult {
  const body = result.response?.body;
  if (!result.response || !body) return result;
  const length = body.kind === 'text' ? body.text.length : body.kind === 'base64' ? body.base64.length : 0;
  if (length <= HISTORY_BODY_LIMIT) return result;
  return {
    ...result,
    response: {
      ...result.response,
      body: { kind: 'empty' },
      bodyWarning: `The body (${result.response.size.body} bytes) was too large to keep in history.`,
    },
  };
}
