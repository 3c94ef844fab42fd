// Dated migrations on both stores: a database written by the first migration is migrated to the
// latest without losing anything, migrating twice is a no-op, and concurrent migrators agree.
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeEachStore, createTestStore, type TestStore } from '../test-support/stores.js';
import { migrateTo, migrateToLatest } from './migrate.js';
import { FIRST_MIGRATION, MIGRATIONS } from './migrations/index.js';
import type { Store } from './store.js';

describeEachStore('migrations', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function fresh(): Promise<{ test: TestStore; store: Store }> {
    const test = await createTestStore(kind);
    const store = test.open();
    cleanup.push(() => test.drop(), () => store.close());
    return { test, store };
  }

  it('has dated names in order', () => {
    const names = Object.keys(MIGRATIONS);
    expect(names[0]).toBe(FIRST_MIGRATION);
    expect(names.every((n) => /^\d{4}_\d{2}_\d{2}_\d{3}_[a-z_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it('migrates a database written by the first migration to the latest, keeping its data', async () => {
    const { store } = await fresh();
    await migrateTo(store, FIRST_MIGRATION);
    const db = store.db;
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into teams (id, name, plan, ai_addon, ai_enabled, billing_day, currency, created_at) values ('t1', 'Old team', 'basic', 0, 1, 1, 'USD', ${at})`.execute(db);
    await sql`insert into users (id, team_id, email, name, password_hash, roles, ai_enabled, payg_enabled, created_at) values ('u1', 't1', 'old@example.com', 'Old', 'scrypt$x', 'admin,billing', 1, 1, ${at})`.execute(db);
    await sql`insert into notifications (id, team_id, recipient_id, subject_id, kind, cycle_start, cycle_end, message, created_at) values ('n1', 't1', 'u1', 'u1', 'credits_75', ${at}, '2026-02-01T00:00:00.000Z', 'm', ${at})`.execute(db);
    await sql`insert into usage_totals (team_id, user_id, cycle_start, cycle_end, included_micro, payg_micro, unfunded_micro) values ('t1', 'u1', ${at}, '2026-02-01T00:00:00.000Z', 9007199254740991, 5, 0)`.execute(db);

    await migrateToLatest(store);
    const n = await db.selectFrom('notifications').selectAll().where('id', '=', 'n1').executeTakeFirstOrThrow();
    expect(n).toMatchObject({ kind: 'credits_75', message: 'm', read_at: null });
    expect(await db.selectFrom('users').select(['email', 'roles', 'payg_enabled']).executeTakeFirstOrThrow()).toEqual({ email: 'old@example.com', roles: 'admin,billing', payg_enabled: 1 });
    // bigint columns come back as exact JavaScript integers on both stores.
    const totals = await db.selectFrom('usage_totals').select(['included_micro', 'payg_micro']).executeTakeFirstOrThrow();
    expect(totals).toEqual({ included_micro: Number.MAX_SAFE_INTEGER, payg_micro: 5 });
    await db.updateTable('notifications').set({ read_at: at }).where('id', '=', 'n1').execute();
    // Running it again changes nothing.
    await migrateToLatest(store);
    expect((await db.selectFrom('notifications').select('read_at').executeTakeFirstOrThrow()).read_at).toBe(at);
  });

  it('lets several processes migrate the same empty database at once', async () => {
    const { test, store } = await fresh();
    const others = [test.open(), test.open()];
    cleanup.push(async () => {
      for (const o of others) await o.close();
    });
    await Promise.all([migrateToLatest(store), ...others.map((o) => migrateToLatest(o))]);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
  });

  it('enforces one invoice per team per cycle in the schema itself', async () => {
    const { store } = await fresh();
    await migrateToLatest(store);
    const at = '2026-01-01T00:00:00.000Z';
    await store.db.insertInto('teams').values({ id: 't', name: 'T', plan: 'basic', ai_addon: 0, ai_enabled: 1, billing_day: 1, currency: 'USD', created_at: at }).execute();
    const invoice = { team_id: 't', cycle_start: at, cycle_end: at, currency: 'USD', total_minor: 0, lines: '[]', issued_at: at };
    await store.db.insertInto('invoices').values({ id: 'i1', ...invoice }).execute();
    await expect(store.db.insertInto('invoices').values({ id: 'i2', ...invoice }).execute()).rejects.toThrow();
  });
});
