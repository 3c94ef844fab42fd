// Credits benchmarks for `npm run bench` (information, never pass/fail):
// - syncing 100,000 queued usage events from a workspace outbox to a real billing server process
//   (SQLite), in batches of 1,000 — against the floor: the same 100,000 events posted by a bare
//   client with the bodies prepared beforehand (what the sync engine adds is reading the outbox,
//   marking sent and caching the snapshot). Target: ≤ 10 s.
// - from a turn's end (recordTurn in the turn's transaction, then afterTurn) to the credits.meter
//   event, median of 500 — against a bare transaction writing one row and emitting one event.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { CreditsService } from '../electron/services/credits/credits-service.js';
import { EventBus } from '../electron/services/events.js';
import { openWorkspace, type Workspace } from '../electron/services/store/workspace.js';
import type { UsageEvent } from '../shared/billing/api.js';
import type { EventName } from '../shared/contract.js';
import type { BenchRow } from './types.js';

const EVENTS = 100_000;
const BATCH = 1000;
const LATENCY_RUNS = 500;
const root = process.cwd();

interface Server {
  url: string;
  token: string;
  stop(): Promise<void>;
}

function runServer(args: string[], env: NodeJS.ProcessEnv): { line: Promise<string>; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('close', (code) => reject(new Error(`billing server exited (${code}): ${stderr}`)));
  });
  return {
    line,
    stop: async () => {
      child.kill('SIGINT');
      await exited;
    },
  };
}

async function startServer(dir: string): Promise<Server> {
  const env = { BILLING_DB: path.join(dir, 'billing.sqlite'), PORT: '0', DATABASE_URL: '', BILLING_NOW: '' };
  const init = runServer(['init', '--team', 'Bench', '--plan', 'professional', '--admin-email', `bench-${randomUUID()}@bench.test`], env);
  const { adminToken } = JSON.parse(await init.line) as { adminToken: string };
  const serve = runServer([], env);
  const { url } = JSON.parse(await serve.line) as { url: string };
  return { url, token: adminToken, stop: serve.stop };
}

const usage = (seq: number): UsageEvent => ({
  id: randomUUID(),
  deviceId: 'bench-peer',
  seq,
  occurredAt: new Date().toISOString(),
  kind: 'agent.turn',
  model: 'gpt-4o-mini',
  rateCardVersion: 1,
  calls: [{ inputTokens: 1000 + (seq % 500), outputTokens: 200, assetWrite: seq % 3 === 0 }],
});

async function bareSync(server: Server): Promise<number> {
  const bodies = Array.from({ length: EVENTS / BATCH }, (_, b) => JSON.stringify({ events: Array.from({ length: BATCH }, (_, i) => usage(b * BATCH + i)) }));
  const started = performance.now();
  for (const body of bodies) {
    const res = await fetch(`${server.url}/v1/usage/events`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
    await res.arrayBuffer();
  }
  return performance.now() - started;
}

function fillOutbox(credits: CreditsService, workspace: Workspace): void {
  workspace.transaction(() => {
    for (let i = 0; i < EVENTS; i++) {
      credits.turnMeter.recordTurn({
        turnId: `bench-${i}`,
        model: 'gpt-4o-mini',
        occurredAt: new Date().toISOString(),
        status: 'completed',
        calls: [{ inputTokens: 1000 + (i % 500), outputTokens: 200, assetWrite: i % 3 === 0 }],
      });
    }
  });
}

async function benchSync(dir: string): Promise<BenchRow[]> {
  const server = await startServer(dir);
  const workspace = openWorkspace(path.join(dir, 'home'));
  const credits = new CreditsService({ workspace, embedded: false, sync: { refreshMs: 0 } });
  try {
    // The bench's admin holds billing and a Professional plan: sign in as them through the real login.
    const member = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${server.token}` } }).then((r) => r.json() as Promise<{ user: { email: string } }>);
    credits.state.setRemote({ kind: 'remote', url: server.url, token: server.token, email: member.user.email });
    const fillStarted = performance.now();
    fillOutbox(credits, workspace);
    const fillMs = performance.now() - fillStarted;
    const started = performance.now();
    const meter = await credits.sync();
    const syncMs = performance.now() - started;
    if (meter.queuedEvents !== 0) throw new Error(`sync left ${meter.queuedEvents} queued: ${meter.lastError}`);
    const peerMs = await bareSync(server);
    return [
      {
        name: 'credits: sync 100,000 queued events (SQLite server)',
        value: syncMs / 1000,
        unit: 's',
        peer: 'bare POSTs, bodies prepared',
        peerValue: peerMs / 1000,
        ratio: syncMs / peerMs,
        note: `target ≤ 10 s; ${Math.round(EVENTS / (syncMs / 1000))} events/s; queuing them took ${(fillMs / 1000).toFixed(1)} s`,
      },
    ];
  } finally {
    await credits.close();
    workspace.close();
    await server.stop();
  }
}

/** Milliseconds from calling `act` to the event `name`. */
function timeToEvent(events: EventBus, name: EventName, act: () => void): Promise<number> {
  const started = performance.now();
  const got = new Promise<number>((resolve) => {
    const off = events.subscribe((n) => {
      if (n !== name) return;
      off();
      resolve(performance.now() - started);
    });
  });
  act();
  return got;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchMeterLatency(dir: string): Promise<BenchRow[]> {
  const workspace = openWorkspace(path.join(dir, 'latency'));
  const events = new EventBus();
  const credits = new CreditsService({ workspace, events, embedded: false, sync: { refreshMs: 0 } });
  const ours: number[] = [];
  const peer: number[] = [];
  try {
    for (let i = 0; i < LATENCY_RUNS; i++) {
      ours.push(
        await timeToEvent(events, 'credits.meter', () => {
          workspace.transaction(() =>
            credits.turnMeter.recordTurn({ turnId: `t${i}`, model: 'gpt-4o-mini', occurredAt: new Date().toISOString(), status: 'completed', calls: [{ inputTokens: 1000, outputTokens: 200, assetWrite: false }] }),
          );
          credits.turnMeter.afterTurn?.();
        }),
      );
      peer.push(
        await timeToEvent(events, 'workspace.changed', () => {
          workspace.transaction(() => workspace.setKv('bench.turn', String(i)));
          events.emit('workspace.changed', { what: 'settings' });
        }),
      );
    }
  } finally {
    await credits.close();
    workspace.close();
  }
  const value = median(ours) * 1000;
  const peerValue = median(peer) * 1000;
  return [
    {
      name: 'credits: turn end → meter event (median)',
      value,
      unit: 'µs',
      peer: 'bare transaction + event',
      peerValue,
      ratio: value / peerValue,
      note: `${LATENCY_RUNS} turns; p99 ${(([...ours].sort((a, b) => a - b)[Math.floor(LATENCY_RUNS * 0.99)]) * 1000).toFixed(0)} µs`,
    },
  ];
}

export async function benchCredits(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-credits-bench-'));
  try {
    return [...(await benchMeterLatency(dir)), ...(await benchSync(dir))];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
