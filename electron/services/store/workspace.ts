// The workspace store: one SQLite file per workspace (`${home}/workspace.sqlite`, WAL mode, foreign
// keys on) holding the item tree, environments, globals, settings, history and a small key-value
// table, plus a `files/` folder for files attached to request bodies. Plain Node: no `electron`.
//
// This file opens the database and holds `Workspace`, the one object the rest of the app uses; each
// of its methods hands over to the module for that part of the store:
//   items.ts (the tree) · examples.ts (saved responses) · search.ts · environments.ts (and globals) · settings.ts · history.ts ·
//   specs.ts (OpenAPI documents and their link to a collection) · kv.ts · files.ts, on top of connection.ts (statement cache, transactions), rows.ts (rows ↔
//   models), validate.ts, documents.ts, siblings.ts (sort keys) and limits.ts.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { SearchHit } from '../../../shared/contract.js';
import type { Spec, SpecFormat } from '../../../shared/contract-design.js';
import { AppError } from '../../../shared/errors.js';
import type {
  Environment,
  Example,
  HistoryEntry,
  Item,
  RequestSpec,
  SendResult,
  Settings,
  TreeNode,
  Variable,
} from '../../../shared/model.js';
import { Connection } from './connection.js';
import * as environments from './environments.js';
import * as examples from './examples.js';
import * as files from './files.js';
import * as history from './history.js';
import * as items from './items.js';
import type { CreateItemInput, UpdateItemInput } from './items.js';
import * as kv from './kv.js';
import { HISTORY_LIMIT } from './limits.js';
import { migrate } from './migrate.js';
import { messageOf } from './rows.js';
import * as searching from './search.js';
import * as settings from './settings.js';
import * as specs from './specs.js';

export { FILES_FOLDER } from './files.js';
export type { CreateEnvironmentInput } from './environments.js';
export type { CreateItemInput, UpdateItemInput } from './items.js';
export type { SpecOperationLink } from './specs.js';
export { DESCRIPTION_MAX, ENVIRONMENT_NAME_MAX, HISTORY_BODY_LIMIT, HISTORY_LIMIT, NAME_MAX } from './limits.js';

export const WORKSPACE_FILE = 'workspace.sqlite';

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

export class Workspace {
  private readonly conn: Connection;
  private readonly historyLimit: number;

  constructor(
    readonly home: string,
    // Kept as a field (the modules use it through `conn`): tests reach for it to damage rows on purpose.
    private readonly db: Database.Database,
    options: WorkspaceOptions = {},
  ) {
    this.conn = new Connection(this.db);
    this.historyLimit = Math.max(1, Math.trunc(options.historyLimit ?? HISTORY_LIMIT));
  }

  close(): void {
    this.conn.close();
  }

  /** Runs `fn` in one transaction (a savepoint when nested); it takes the write lock up front. */
  transaction<T>(fn: () => T): T {
    return this.conn.transaction(fn);
  }

  /**
   * The open connection, for a service that keeps its own tables in the workspace and must write
   * inside the same transactions (the credits outbox, written in the agent turn's transaction).
   */
  get sqlite(): Database.Database {
    return this.db;
  }

  // ---------------------------------------------------------------------------------------- items

  /** Every collection, folder and request, with minimal fields, ordered by parent then sort. */
  tree(): TreeNode[] {
    return items.tree(this.conn);
  }

  getItem(id: string): Item {
    return items.getItem(this.conn, id);
  }

  createItem(input: CreateItemInput): Item {
    return items.createItem(this.conn, input);
  }

  updateItem(input: UpdateItemInput): Item {
    return items.updateItem(this.conn, input);
  }

  /** Deep copy of the subtree, the copy named "<name> copy" and placed right after the original. */
  duplicateItem(id: string): Item {
    return items.duplicateItem(this.conn, id);
  }

  /**
   * Puts an item at position `index` among the children of `parentId` (null: the top level, for
   * collections). Within the same parent this is a reorder; elsewhere the subtree follows and its
   * collectionId is updated.
   */
  moveItem(input: { id: string; parentId: string | null; index: number }): Item {
    return items.moveItem(this.conn, input);
  }

  /** Deletes the item and everything under it; answers how many items went. */
  deleteItem(id: string): { deleted: number } {
    return items.deleteItem(this.conn, id);
  }

  /** The parents of an item, nearest first, up to and including its collection. */
  ancestors(id: string): Item[] {
    return items.ancestors(this.conn, id);
  }

  /** Case-insensitive search on names, request URLs and methods; every word must match. */
  search(query: string, limit: number): SearchHit[] {
    return searching.search(this.conn, query, limit);
  }

  // --------------------------------------------------------------------------------- environments

  listEnvironments(): Environment[] {
    return environments.listEnvironments(this.conn);
  }

  getEnvironment(id: string): Environment {
    return environments.getEnvironment(this.conn, id);
  }

  createEnvironment(input: environments.CreateEnvironmentInput): Environment {
    return environments.createEnvironment(this.conn, input);
  }

  updateEnvironment(input: { id: string; name?: string; variables?: Variable[] }): Environment {
    return environments.updateEnvironment(this.conn, input);
  }

  /** Deletes an environment; when it was the active one, no environment is active afterwards. */
  deleteEnvironment(id: string): void {
    environments.deleteEnvironment(this.conn, id);
  }

  // ------------------------------------------------------------------------------ globals, settings

  getGlobals(): Variable[] {
    return environments.getGlobals(this.conn);
  }

  setGlobals(variables: Variable[]): Variable[] {
    return environments.setGlobals(this.conn, variables);
  }

  /** The settings; a stored value that no longer passes the schema falls back to its default. */
  getSettings(): Settings {
    return settings.getSettings(this.conn);
  }

  updateSettings(patch: Partial<Settings>): Settings {
    return settings.updateSettings(this.conn, patch);
  }

  // ---------------------------------------------------------------------------------- examples

  /** A request's saved example responses, oldest first. */
  listExamples(requestId: string): Example[] {
    return examples.listExamples(this.conn, requestId);
  }

  createExample(requestId: string, input: examples.NewExample): Example {
    return examples.createExample(this.conn, requestId, input);
  }

  renameExample(id: string, name: string): Example {
    return examples.renameExample(this.conn, id, name);
  }

  deleteExample(id: string): void {
    examples.deleteExample(this.conn, id);
  }

  // -------------------------------------------------------------------------------------- specs

  /** Every OpenAPI spec of the workspace, by name. */
  listSpecs(): Spec[] {
    return specs.listSpecs(this.conn);
  }

  getSpec(id: string): Spec {
    return specs.getSpec(this.conn, id);
  }

  createSpec(input: { name: string; format: SpecFormat; text: string }): Spec {
    return specs.createSpec(this.conn, input);
  }

  /** Saves a new name and/or text, valid OpenAPI or not. */
  updateSpec(id: string, patch: { name?: string; text?: string }): Spec {
    return specs.updateSpec(this.conn, id, patch);
  }

  /** Deletes the spec; the collection generated from it stays (unlinked). */
  deleteSpec(id: string): void {
    specs.deleteSpec(this.conn, id);
  }

  /** The operations of a spec's link to its collection: the request each became and its snapshot. */
  specOperations(specId: string): specs.SpecOperationLink[] {
    return specs.specOperations(this.conn, specId);
  }

  /** Links a spec to a collection, replacing the recorded operations. */
  linkSpec(specId: string, collectionId: string, operations: specs.SpecOperationLink[]): void {
    specs.linkSpec(this.conn, specId, collectionId, operations);
  }

  // ----------------------------------------------------------------------------------- history

  addHistory(input: { requestId: string | null; name: string; request: RequestSpec; result: SendResult }): HistoryEntry {
    return history.addHistory(this.conn, input, this.historyLimit);
  }

  /** The newest `limit` entries, newest first. */
  listHistory(limit: number): HistoryEntry[] {
    return history.listHistory(this.conn, limit);
  }

  getHistory(id: string): { entry: HistoryEntry; request: RequestSpec; result: SendResult } {
    return history.getHistory(this.conn, id);
  }

  clearHistory(): void {
    history.clearHistory(this.conn);
  }

  // ----------------------------------------------------------------------------------- kv, files

  getKv(key: string): string | null {
    return kv.getKv(this.conn, key);
  }

  setKv(key: string, value: string): void {
    kv.setKv(this.conn, key, value);
  }

  /** Saves a file the user picked under `${home}/files/<uuid>-<sanitised name>`. */
  storeFile(name: string, bytes: Buffer): { path: string; name: string; size: number } {
    return files.storeFile(this.home, name, bytes);
  }
}
