// The initial billing schema. Written with Kysely's schema builder so one migration serves both
// SQLite and PostgreSQL; never edit it once released — add a dated migration instead.
import type { Kysely } from 'kysely';
import { storeKindOf } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = storeKindOf(db) === 'postgres';

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('ai_addon', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ai_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('billing_day', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('ai_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('payg_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('users_team').on('users').column('team_id').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('tokens_user').on('tokens').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();

  await db.schema
    .createTable('usage_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('rate_card_version', 'integer', (c) => c.notNull())
    .addColumn('calls', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('credits_micro', 'bigint', (c) => c.notNull())
    .addColumn('included_micro', 'bigint', (c) => c.notNull())
    .addColumn('payg_micro', 'bigint', (c) => c.notNull())
    .addColumn('unfunded_micro', 'bigint', (c) => c.notNull())
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('booked_day', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('usage_events_team_cycle_day').on('usage_events').columns(['team_id', 'cycle_start', 'booked_day']).execute();
  await db.schema.createIndex('usage_events_user_cycle').on('usage_events').columns(['user_id', 'cycle_start']).execute();

  await db.schema
    .createTable('usage_totals')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('cycle_end', 'text', (c) => c.notNull())
    .addColumn('included_micro', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('payg_micro', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('unfunded_micro', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_totals_pk', ['user_id', 'cycle_start'])
    .execute();
  await db.schema.createIndex('usage_totals_team_cycle').on('usage_totals').columns(['team_id', 'cycle_start']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('cycle_end', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One alert of a kind per member per cycle per recipient, however many processes race.
    .addUniqueConstraint('notifications_once', ['recipient_id', 'subject_id', 'kind', 'cycle_start'])
    .execute();
  await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient_id', 'created_at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_team').on('audit_log').columns(['team_id', 'seq']).execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('cycle_end', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // One invoice per team per cycle, whatever runs twice or at the same time.
    .addUniqueConstraint('invoices_one_per_cycle', ['team_id', 'cycle_start'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['invoices', 'audit_log', 'notifications', 'usage_totals', 'usage_events', 'login_failures', 'tokens', 'users', 'teams']) {
    await db.schema.dropTable(table).execute();
  }
}
