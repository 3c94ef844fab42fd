// Billing server benchmarks for `npm run bench` (information, never pass/fail). Each figure comes
// with a peer measured on the same machine in the same run:
// - usage ingestion, events/s in batches of 500 over HTTP, against bare inserts of the same rows
//   into the same store (the storage floor: what the server adds is validation, recomputation,
//   idempotency, the allotment split, alerts and HTTP);
// - GET /v1/me/entitlement at 200 concurrent connections, requests/s with p50/p99, against a
//   bare Fastify route answering a constant JSON body (the framework ceiling).
// On SQLite and, when one answers at DATABASE_URL, on PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import type { UsageEvent } from '../shared/billing/api.js';
import { buildApp } from '../server/app.js';
import { clockStartingAt } from '../server/clock.js';
import type { StoreKind } from '../server/db/dialect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { openStore, type Store, type StoreConfig } from '../server/db/store.js';
import type { BillingContext } from '../server/services/context.js';
import { createTeam } from '../server/services/teams.js';
import { runLoad } from './load-generator.js';
import type { BenchRow } from './types.js';


const BATCH = 500;
const BATCHES = 40;
const CONNECTIONS = 200;
const READ_MS = 5000;
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

interface BenchStore {
  readonly config: StoreConfig;
  drop(): Promise<void>;
}

async function benchStore(kind: StoreKind): Promise<BenchStore> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-bench-'));
    return { config: { kind, file: path.join(dir, 'billing.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `billing_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    config: { kind, url: PG_URL, schema },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

const event = (seq: number): UsageEvent => ({
  id: randomUUID(),
  deviceId: 'bench',
  seq,
  occurredAt: new Date().toISOString(),
  kind: 'agent.turn',
  model: 'bench-model',
  rateCardVersion: 1,
  calls: [{ inputTokens: 1200, outputTokens: 300, assetWrite: seq % 3 === 0 }],
});

async function post(url: string, token: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** Bare inserts of rows like the server's into the same store, one transaction per batch. */
async function bareInserts(store: Store, teamId: string, userId: string): Promise<number> {
  const started = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const rows = Array.from({ length: BATCH }, (_, i) => {
      const e = event(b * BATCH + i);
      return {
        id: e.id, team_id: teamId, user_id: userId, device_id: e.deviceId, seq: e.seq, occurred_at: e.occurredAt, received_at: e.occurredAt,
        kind: e.kind, model: e.model, rate_card_version: 1, calls: JSON.stringify(e.calls), payload_hash: 'x', credits_micro: 1, included_micro: 1,
        payg_micro: 0, unfunded_micro: 0, cycle_start: e.occurredAt, booked_day: e.occurredAt.slice(0, 10), late: 0 as const,
      };
    });
    await store.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) await tx.insertInto('usage_events').values(rows.slice(i, i + 200)).execute();
    });
  }
  return (BATCHES * BATCH) / ((performance.now() - started) / 1000);
}

async function benchOneStore(kind: StoreKind): Promise<BenchRow[]> {
  const bs = await benchStore(kind);
  const store = openStore(bs.config);
  try {
    await migrateToLatest(store);
    const ctx: BillingContext = { store, clock: clockStartingAt(new Date()) };
    const team = await createTeam(ctx, { name: 'Bench', plan: 'enterprise', aiAddon: false, adminEmail: `bench-${randomUUID()}@example.com` });
    const app = buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const started = performance.now();
      for (let b = 0; b < BATCHES; b++) await post(`${url}/v1/usage/events`, team.adminToken, { events: Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i)) });
      const ingest = (BATCHES * BATCH) / ((performance.now() - started) / 1000);
      const floor = await bareInserts(store, team.teamId, team.adminUserId);
      const reads = await runLoad({ url, path: '/v1/me/entitlement', connections: CONNECTIONS, durationMs: READ_MS, headers: () => ({ authorization: `Bearer ${team.adminToken}` }) });
      return [
        {
          name: `billing (${kind}): usage ingestion, batches of ${BATCH}`,
          value: ingest,
          unit: 'events/s',
          peer: 'bare inserts of the same rows',
          peerValue: floor,
          ratio: ingest / floor,
        },
        {
          name: `billing (${kind}): GET /v1/me/entitlement, ${CONNECTIONS} connections`,
          value: reads.perSecond,
          unit: 'req/s',
          note: `p50 ${reads.p50Ms.toFixed(1)} ms, p99 ${reads.p99Ms.toFixed(1)} ms${reads.errors ? `, ${reads.errors} errors` : ''}`,
        },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    await bs.drop();
  }
}

/** A bare Fastify route with a constant JSON body, same connections and duration. */
async function framework(): Promise<{ perSecond: number; p50Ms: number; p99Ms: number }> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  try {
    return await runLoad({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, path: '/', connections: CONNECTIONS, durationMs: READ_MS });
  } finally {
    await app.close();
  }
}

async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function benchBilling(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const peer = await framework();
  const kinds: StoreKind[] = (await postgresAnswers()) ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    const [ingest, reads] = await benchOneStore(kind);
    rows.push(ingest, { ...reads, peer: 'bare Fastify JSON route', peerValue: peer.perSecond, ratio: reads.value / peer.perSecond, note: `${reads.note}; peer p50 ${peer.p50Ms.toFixed(1)} ms, p99 ${peer.p99Ms.toFixed(1)} ms` });
  }
  if (kinds.length === 1) rows.push({ name: 'billing (postgres)', value: NaN, unit: '', note: `not run: no PostgreSQL at ${PG_URL}` });
  return rows;
}
