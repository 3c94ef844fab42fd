// What differs between the two stores, in one place.
import { PostgresAdapter, type Kysely } from 'kysely';

export type StoreKind = 'sqlite' | 'postgres';

export function storeKindOf(db: Kysely<unknown>): StoreKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
