// A small key-value table for services that need to keep a string between runs (cookies, tokens).
import type { Connection } from './connection.js';

export function getKv(conn: Connection, key: string): string | null {
  const value = conn.stmt('SELECT value FROM kv WHERE key = ?').pluck().get(key) as string | undefined;
  return value ?? null;
}

export function setKv(conn: Connection, key: string, value: string): void {
  conn
    .stmt('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}
