// Saved example responses of requests (the `examples` table, migration 006): listed in the order
// they were saved, renamed, deleted, and going with their request when it is deleted.
import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../../shared/errors.js';
import { Example, RequestSpec } from '../../../shared/model.js';
import type { Connection } from './connection.js';
import { cleanName, parseWith } from './validate.js';

export type NewExample = Omit<Example, 'id' | 'createdAt' | 'requestId'>;

interface ExampleRow {
  id: string;
  request_id: string;
  name: string;
  status: number;
  status_text: string;
  headers_json: string;
  body: string;
  created_at: string;
  request_json: string | null;
}

const COLUMNS = 'id, request_id, name, status, status_text, headers_json, body, created_at, request_json';
const INSERT = `INSERT INTO examples (${COLUMNS}, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The stored original request; one that no longer reads (a model change) counts as none. */
function requestOf(json: string | null): RequestSpec | null {
  if (json === null) return null;
  const parsed = RequestSpec.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function toExample(row: ExampleRow): Example {
  return {
    id: row.id,
    requestId: row.request_id,
    name: row.name,
    status: row.status,
    statusText: row.status_text,
    headers: JSON.parse(row.headers_json) as [string, string][],
    body: row.body,
    request: requestOf(row.request_json),
    createdAt: row.created_at,
  };
}

export function listExamples(conn: Connection, requestId: string): Example[] {
  const rows = conn.stmt(`SELECT ${COLUMNS} FROM examples WHERE request_id = ? ORDER BY sort, created_at`).all(requestId) as ExampleRow[];
  return rows.map(toExample);
}

export function getExample(conn: Connection, id: string): Example {
  const row = conn.stmt(`SELECT ${COLUMNS} FROM examples WHERE id = ?`).get(id) as ExampleRow | undefined;
  if (!row) throw notFound('Example', id);
  return toExample(row);
}

/** Saves an example under a request (not a folder or collection), after the ones it has. */
export function createExample(conn: Connection, requestId: string, input: NewExample): Example {
  const kind = conn.stmt('SELECT kind FROM items WHERE id = ?').pluck().get(requestId) as string | undefined;
  if (kind === undefined) throw notFound('Request', requestId);
  if (kind !== 'request') throw badInput(`Examples belong to requests; ${requestId} is a ${kind}`);
  const example = parseWith(
    Example,
    { ...input, request: input.request ?? null, name: cleanName(input.name), id: randomUUID(), requestId, createdAt: new Date().toISOString() },
    'example',
  );
  const sort = conn.stmt('SELECT COALESCE(MAX(sort), -1) + 1 FROM examples WHERE request_id = ?').pluck().get(requestId) as number;
  conn
    .stmt(INSERT)
    .run(
      example.id,
      requestId,
      example.name,
      example.status,
      example.statusText,
      JSON.stringify(example.headers),
      example.body,
      example.createdAt,
      example.request ? JSON.stringify(example.request) : null,
      sort,
    );
  return example;
}

export function renameExample(conn: Connection, id: string, name: string): Example {
  const changed = conn.stmt('UPDATE examples SET name = ? WHERE id = ?').run(cleanName(name), id).changes;
  if (changed === 0) throw notFound('Example', id);
  return getExample(conn, id);
}

export function deleteExample(conn: Connection, id: string): void {
  const changed = conn.stmt('DELETE FROM examples WHERE id = ?').run(id).changes;
  if (changed === 0) throw notFound('Example', id);
}

/** Copies a request's examples to another request (a duplicated one), in their order. */
export function copyExamples(conn: Connection, fromRequestId: string, toRequestId: string): void {
  const rows = conn.stmt(`SELECT ${COLUMNS}, sort FROM examples WHERE request_id = ? ORDER BY sort, created_at`).all(fromRequestId) as (ExampleRow & { sort: number })[];
  const insert = conn.stmt(INSERT);
  for (const r of rows) insert.run(randomUUID(), toRequestId, r.name, r.status, r.status_text, r.headers_json, r.body, r.created_at, r.request_json, r.sort);
}
