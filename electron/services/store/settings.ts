// The workspace settings, kept whole as the `settings` document.
import { badInput } from '../../../shared/errors.js';
import { Settings } from '../../../shared/model.js';
import type { Connection } from './connection.js';
import { readDocument, writeDocument } from './documents.js';
import { environmentRow } from './rows.js';
import { parseWith } from './validate.js';

/** The settings; a stored value that no longer passes the schema falls back to its default. */
export function getSettings(conn: Connection): Settings {
  const json = readDocument(conn, 'settings');
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

export function updateSettings(conn: Connection, patch: Partial<Settings>): Settings {
  return conn.transaction(() => {
    const known = Object.keys(Settings.shape);
    const unknown = Object.keys(patch).filter((k) => !known.includes(k));
    if (unknown.length > 0) throw badInput(`Unknown setting${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = parseWith(Settings, { ...getSettings(conn), ...defined }, 'settings');
    if (next.activeEnvironmentId !== null) environmentRow(conn, next.activeEnvironmentId);
    writeDocument(conn, 'settings', next);
    return next;
  });
}

/** After environment `id` is deleted: when it was the active one, no environment is active. */
export function forgetActiveEnvironment(conn: Connection, id: string): void {
  const settings = getSettings(conn);
  if (settings.activeEnvironmentId === id) writeDocument(conn, 'settings', { ...settings, activeEnvironmentId: null });
}
