// The `documents` table: one JSON value per key, for workspace-wide things kept whole (the global
// variables, the settings).
import type { Connection } from './connection.js';

export function readDocument(conn: Connection, key: string): string | null {
  const json = conn.stmt('SELECT json FROM documents WHERE key = ?').pluck().get(key) as string | undefined;
  return json ?? null;
}

export function writeDocument(conn: Connection, key: string, value: unknown): void {
  conn
    .stmt(
      `INSERT INTO documents (key, json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), new Date().toISOString());
}
