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
const RETRYABLE_SQLITE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const MAX_ATTEMPTS = 8;

function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableConflict) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (RETRYABLE_PG.has(code) || RETRYABLE_SQLITE.has(code));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await pause(Math.random() * 10 * attempt);
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
