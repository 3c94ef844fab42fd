// Runs the dated migrations with Kysely's Migrator and a static provider.
import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';
import type { Store } from './store.js';
import { isBusyError } from './transaction.js';

function migratorFor(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}

async function ensureSchema(store: Store): Promise<void> {
  if (!store.schema) return;
  try {
    await sql`create schema if not exists ${sql.id(store.schema)}`.execute(store.db);
  } catch (error) {
    // Two processes creating it at once: the loser sees a duplicate; the schema exists either way.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another process migrating the same SQLite file at the same moment: wait and look again. */
async function retryWhileBusy(run: () => Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const result = await run();
    const busy = isBusyError(result.error);
    if (!busy || Date.now() - started > 30_000) return result;
    await pause(Math.min(50, 5 * attempt) * (0.5 + Math.random()));
  }
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`);
  }
}

export async function migrateToLatest(store: Store): Promise<void> {
  await ensureSchema(store);
  check(await retryWhileBusy(() => migratorFor(store).migrateToLatest()));
}

/** For tests of the migrations themselves: bring the store to exactly `name`. */
export async function migrateTo(store: Store, name: string): Promise<void> {
  await ensureSchema(store);
  check(await retryWhileBusy(() => migratorFor(store).migrateTo(name)));
}
