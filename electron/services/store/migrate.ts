// Applies the dated SQL migrations in order, each in its own IMMEDIATE transaction together with
// its row in `schema_migrations`, so a crash leaves either the old or the new schema, never half.
// Two processes opening the same workspace at once (the app and the CLI) serialise on the write
// lock, and the second one finds the migration already recorded and skips it.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import { migrations as embedded, type Migration } from './migrations/index.js';

export type { Migration };

export function appliedMigrations(db: Database.Database): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[]).map((r) => r.id);
}

/** Applies every migration of `list` not yet recorded; answers the ids it applied. */
export function migrate(db: Database.Database, list: readonly Migration[] = embedded): string[] {
  const known = new Set(list.map((m) => m.id));
  const unknown = appliedMigrations(db).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'CONFLICT',
      `This workspace was written by a newer version of Courier (it has schema change ${unknown.join(', ')}, ` +
        'which this version does not know). Update Courier to open it.',
    );
  }
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const applied: string[] = [];
  for (const m of [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const apply = db.transaction(() => {
      if (isApplied.get(m.id)) return false;
      db.exec(m.sql);
      record.run(m.id, new Date().toISOString());
      return true;
    });
    try {
      if (apply.immediate()) applied.push(m.id);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new AppError('INTERNAL', `Workspace schema change ${m.id} failed and was rolled back: ${reason}`);
    }
  }
  return applied;
}
