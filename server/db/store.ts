// Opening the billing store: SQLite (better-sqlite3, one file) by default, PostgreSQL (pg) when a
// connection string is given. Everything above this file talks Kysely and does not care which.
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';
import pg from 'pg';
import type { StoreKind } from './dialect.js';
import type { Database } from './schema.js';

export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
  /** PostgreSQL schema the tables live in (null: the connection's default). */
  readonly schema: string | null;
  close(): Promise<void>;
}

export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string | null; readonly poolSize?: number };

/** Write transactions take SQLite's write lock at BEGIN, so concurrent writers queue instead of failing. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite does run DDL in transactions: so migrations do, and concurrent migrators queue. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * better-sqlite3 is synchronous: a connection waiting on another writer blocks its whole process.
 * So SQLite waits only briefly here, and a busy transaction is retried asynchronously instead
 * (see inTransaction) — other work, including the writer being waited for, keeps running.
 */
export const SQLITE_BUSY_WAIT_MS = 50;

function openSqlite(file: string): Store {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_WAIT_MS}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { kind: 'sqlite', db, schema: null, close: () => db.destroy() };
}

const INT8_OID = 20;

/** bigint columns come back as JavaScript numbers; a value beyond 2^53 is an error, never rounded. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint out of the safe integer range: ${text}`);
  return n;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function openPostgres(url: string, schema: string | null, poolSize: number): Store {
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new Error(`bad PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, schema, close: () => db.destroy() };
}

export function openStore(config: StoreConfig): Store {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, config.schema ?? null, config.poolSize ?? 10);
}
