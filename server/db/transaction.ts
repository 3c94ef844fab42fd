// Transactions that survive contention. SQLite transactions begin IMMEDIATE (one writer at a time,
// others wait on busy_timeout); PostgreSQL ones run READ COMMITTED with explicit row locks, and a
// deadlock or serialization failure is retried from the start with a little jitter.
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { StoreKind } from './dialect.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

export type Tx = Transaction<Database>;

/** A conflict the code detected itself and that a fresh attempt resolves. */
export class RetryableConflict extends Error {}

const RETRYABLE_PG = new Set(['40001', '40P01']);
const BUSY_SQLITE = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);
/** Deadlocks, serialization failures and detected conflicts: retried this many times. */
const MAX_CONFLICT_ATTEMPTS = 10;
/** A busy SQLite database (another writer, maybe another process) is waited for this long. */
const BUSY_DEADLINE_MS = 30_000;

const UNIQUE_VIOLATION = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;
export const isBusyError = (error: unknown): boolean => BUSY_SQLITE.has(String(codeOf(error)));
/** A unique constraint refused a row: on PostgreSQL, a concurrent transaction inserted it first. */
export const isUniqueViolation = (error: unknown): boolean => UNIQUE_VIOLATION.has(String(codeOf(error)));
const isConflict = (error: unknown): boolean => error instanceof RetryableConflict || RETRYABLE_PG.has(String(codeOf(error)));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute(work);
    } catch (error) {
      if (isBusyError(error) && Date.now() - started < BUSY_DEADLINE_MS) {
        await pause(Math.min(25, attempt) * (0.5 + Math.random()));
        continue;
      }
      if (isConflict(error) && attempt < MAX_CONFLICT_ATTEMPTS) {
        await pause(Math.random() * 10 * attempt);
        continue;
      }
      throw error;
    }
  }
}

/** Row locks exist only on PostgreSQL; SQLite's IMMEDIATE transaction already excludes other writers. */
export function lockForUpdate<DB, TB extends keyof DB, O>(kind: StoreKind, q: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return kind === 'postgres' ? q.forUpdate() : q;
}

export function lockForNoKeyUpdate<DB, TB extends keyof DB, O>(kind: StoreKind, q: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return kind === 'postgres' ? q.forNoKeyUpdate() : q;
}

export function lockForShare<DB, TB extends keyof DB, O>(kind: StoreKind, q: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return kind === 'postgres' ? q.forShare() : q;
}

export type Db = Kysely<Database>;
