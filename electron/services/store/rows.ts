// Table rows and the models made from them. JSON columns (request, auth, variables, history) are
// validated with the shared zod schemas on read; a damaged row gives an error that names the item
// instead of a crash deeper in the app.
import type { z } from 'zod';
import { AppError, notFound } from '../../../shared/errors.js';
import {
  Auth,
  Preserved,
  RequestSpec,
  Scripts,
  defaultRequest,
  type Environment,
  type HistoryEntry,
  type Item,
  type ItemKind,
  type Scripts as ScriptsType,
} from '../../../shared/model.js';
import type { Connection } from './connection.js';
import { Variables } from './validate.js';

export interface ItemRow {
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
  /** Added by migration 003: NULL for rows written before it (no scripts). */
  scripts_json: string | null;
  preserved_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnvironmentRow {
  id: string;
  name: string;
  variables_json: string;
  preserved_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface HistoryRow {
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

// ------------------------------------------------------------------------------ rows by id

export function itemRow(conn: Connection, id: string): ItemRow {
  const row = conn.stmt('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) throw notFound('Item', id);
  return row;
}

export function parentRow(conn: Connection, id: string): ItemRow {
  const row = conn.stmt('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) throw notFound('Parent item', id);
  return row;
}

export function environmentRow(conn: Connection, id: string): EnvironmentRow {
  const row = conn.stmt('SELECT * FROM environments WHERE id = ?').get(id) as EnvironmentRow | undefined;
  if (!row) throw notFound('Environment', id);
  return row;
}

// ------------------------------------------------------------------------------- row → model

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads a stored JSON column; a damaged one is an error that says which row it was. */
export function readJson<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
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

export function toItem(row: ItemRow): Item {
  const what = `The ${row.kind} "${row.name}" (${row.id})`;
  const item: Item = {
    id: row.id,
    parentId: row.parent_id,
    collectionId: row.collection_id,
    kind: row.kind,
    name: row.name,
    sort: row.sort,
    description: row.description,
    scripts: scriptsOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.preserved_json !== null) item.preserved = readJson(Preserved, row.preserved_json, `${what}: its preserved fields`);
  if (row.kind === 'request') {
    item.request =
      row.request_json === null ? defaultRequest() : readJson(RequestSpec, row.request_json, `${what}: its request`);
  }
  if (row.auth_json !== null) item.auth = readJson(Auth, row.auth_json, `${what}: its auth`);
  if (row.variables_json !== null) item.variables = readJson(Variables, row.variables_json, `${what}: its variables`);
  return item;
}

/** An item's scripts (none for rows written before scripts existed). */
export function scriptsOf(row: Pick<ItemRow, 'kind' | 'name' | 'id' | 'scripts_json'>): ScriptsType {
  if (row.scripts_json === null) return { prerequest: '', test: '' };
  return readJson(Scripts, row.scripts_json, `The ${row.kind} "${row.name}" (${row.id}): its scripts`);
}

export function toEnvironment(row: EnvironmentRow): Environment {
  const what = `The environment "${row.name}" (${row.id})`;
  const environment: Environment = {
    id: row.id,
    name: row.name,
    variables: readJson(Variables, row.variables_json, `${what}: its variables`),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.preserved_json !== null) environment.preserved = readJson(Preserved, row.preserved_json, `${what}: its preserved fields`);
  return environment;
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
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
