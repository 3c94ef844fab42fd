// OpenAPI specs kept in the workspace (the `specs` table, migration 007) and their link to the
// collection generated from them: `specs.collection_id` and, per operation (`GET /pets/{petId}`),
// the request it became and a snapshot of the operation as last generated or synced
// (`spec_operations`). What a spec's text means (validation, generation, drift) lives in
// electron/services/specs; this module only stores.
import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../../shared/errors.js';
import type { Spec, SpecFormat } from '../../../shared/contract-design.js';
import type { Connection } from './connection.js';
import { cleanName } from './validate.js';

/** As the contract allows (specs.create / specs.update). */
export const SPEC_TEXT_MAX = 20 * 1024 * 1024;
export const SPEC_NAME_MAX = 200;

interface SpecRow {
  id: string;
  name: string;
  format: SpecFormat;
  text: string;
  collection_id: string | null;
  created_at: string;
  updated_at: string;
}

/** One operation of a linked spec: the request it became (null once the user deleted it) and its snapshot. */
export interface SpecOperationLink {
  key: string;
  itemId: string | null;
  snapshotJson: string;
}

const toSpec = (row: SpecRow): Spec => ({
  id: row.id,
  name: row.name,
  format: row.format,
  text: row.text,
  collectionId: row.collection_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function cleanText(text: unknown): string {
  if (typeof text !== 'string') throw badInput('A spec needs its text.');
  if (text.length > SPEC_TEXT_MAX) {
    throw badInput(`A spec can be at most ${SPEC_TEXT_MAX / 1048576} MB of text (this one is ${(text.length / 1048576).toFixed(1)} MB).`);
  }
  return text;
}

function cleanFormat(format: unknown): SpecFormat {
  if (format !== 'yaml' && format !== 'json') throw badInput(`A spec is YAML or JSON, not ${JSON.stringify(format)}.`);
  return format;
}

/** Every spec, by name. */
export function listSpecs(conn: Connection): Spec[] {
  const rows = conn.stmt('SELECT * FROM specs ORDER BY name COLLATE NOCASE, created_at, id').all() as SpecRow[];
  return rows.map(toSpec);
}

export function getSpec(conn: Connection, id: string): Spec {
  const row = conn.stmt('SELECT * FROM specs WHERE id = ?').get(id) as SpecRow | undefined;
  if (!row) throw notFound('Spec', id);
  return toSpec(row);
}

export function createSpec(conn: Connection, input: { name: string; format: SpecFormat; text: string }): Spec {
  const name = cleanName(input.name, SPEC_NAME_MAX);
  const format = cleanFormat(input.format);
  const text = cleanText(input.text);
  const id = randomUUID();
  const now = new Date().toISOString();
  conn
    .stmt('INSERT INTO specs (id, name, format, text, collection_id, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)')
    .run(id, name, format, text, now, now);
  return getSpec(conn, id);
}

/** Saves a new name and/or text, valid OpenAPI or not (the editor shows the problems). */
export function updateSpec(conn: Connection, id: string, patch: { name?: string; text?: string }): Spec {
  return conn.transaction(() => {
    const spec = getSpec(conn, id);
    const name = patch.name === undefined ? spec.name : cleanName(patch.name, SPEC_NAME_MAX);
    const text = patch.text === undefined ? spec.text : cleanText(patch.text);
    conn.stmt('UPDATE specs SET name = ?, text = ?, updated_at = ? WHERE id = ?').run(name, text, new Date().toISOString(), id);
    return getSpec(conn, id);
  });
}

/** Deletes the spec and its link; the collection generated from it stays. */
export function deleteSpec(conn: Connection, id: string): void {
  const changed = conn.stmt('DELETE FROM specs WHERE id = ?').run(id).changes;
  if (changed === 0) throw notFound('Spec', id);
}

/** The operations of a spec's link, by key. */
export function specOperations(conn: Connection, specId: string): SpecOperationLink[] {
  const rows = conn
    .stmt('SELECT operation_key, item_id, snapshot_json FROM spec_operations WHERE spec_id = ? ORDER BY operation_key')
    .all(specId) as { operation_key: string; item_id: string | null; snapshot_json: string }[];
  return rows.map((r) => ({ key: r.operation_key, itemId: r.item_id, snapshotJson: r.snapshot_json }));
}

/** Links a spec to a collection and replaces every operation of the link (after a generate or a sync). */
export function linkSpec(conn: Connection, specId: string, collectionId: string, operations: SpecOperationLink[]): void {
  conn.transaction(() => {
    getSpec(conn, specId);
    const kind = conn.stmt('SELECT kind FROM items WHERE id = ?').pluck().get(collectionId) as string | undefined;
    if (kind === undefined) throw notFound('Collection', collectionId);
    if (kind !== 'collection') throw badInput(`A spec is linked to a collection; ${collectionId} is a ${kind}`);
    conn.stmt('UPDATE specs SET collection_id = ? WHERE id = ?').run(collectionId, specId);
    conn.stmt('DELETE FROM spec_operations WHERE spec_id = ?').run(specId);
    const insert = conn.stmt('INSERT INTO spec_operations (spec_id, operation_key, item_id, snapshot_json) VALUES (?, ?, ?, ?)');
    for (const op of operations) insert.run(specId, op.key, op.itemId, op.snapshotJson);
  });
}
