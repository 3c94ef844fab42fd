// Test stores: every server test runs against SQLite (a temp file) and PostgreSQL (a fresh schema
// in DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, dropped afterwards). When no
// PostgreSQL answers, its tests are skipped with the reason printed — unless REQUIRE_PG=1, where
// that is a failure.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import type { StoreKind } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { openStore, type Store, type StoreConfig } from '../db/store.js';

export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_PG = process.env.REQUIRE_PG === '1';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//…@')} did not answer: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** null when PostgreSQL answers, else why not. */
export const postgresUnavailable: string | null = await probePostgres();

export interface TestStore {
  readonly kind: StoreKind;
  readonly config: StoreConfig;
  /** Environment for a child server process on the same store. */
  readonly env: Readonly<Record<string, string>>;
  /** A new connection (pool) to the store. */
  open(): Store;
  /** Removes the database file or schema. */
  drop(): Promise<void>;
}

export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-test-'));
    const file = path.join(dir, 'billing.sqlite');
    return {
      kind,
      config: { kind, file },
      env: { BILLING_DB: file, DATABASE_URL: '' },
      open: () => openStore({ kind, file }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `billing_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const config: StoreConfig = { kind, url: PG_URL, schema };
  return {
    kind,
    config,
    env: { DATABASE_URL: PG_URL, BILLING_PG_SCHEMA: schema },
    open: () => openStore(config),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export async function createMigratedStore(kind: StoreKind): Promise<{ test: TestStore; store: Store }> {
  const test = await createTestStore(kind);
  const store = test.open();
  await migrateToLatest(store);
  return { test, store };
}

/** Declares the suite once per store: "<title> [sqlite]" and "<title> [postgres]". */
export function describeEachStore(title: string, suite: (kind: StoreKind) => void): void {
  describe(`${title} [sqlite]`, () => suite('sqlite'));
  const pgTitle = `${title} [postgres]`;
  if (postgresUnavailable === null) {
    describe(pgTitle, () => suite('postgres'));
  } else if (REQUIRE_PG) {
    describe(pgTitle, () => {
      it('needs PostgreSQL (REQUIRE_PG=1)', () => {
        throw new Error(postgresUnavailable ?? 'PostgreSQL unavailable');
      });
    });
  } else {
    console.warn(`skipping "${pgTitle}": ${postgresUnavailable}`);
    describe.skip(pgTitle, () => suite('postgres'));
  }
}
