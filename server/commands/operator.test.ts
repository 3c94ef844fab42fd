// The operator commands and the served API as real child processes (`node scripts/server.mjs`), on
// both stores: one JSON line each, close-cycles twice at once, BILLING_NOW, clean Ctrl+C, and
// several server processes sharing one database.
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Entitlement, InvoiceList, UsageBatchResponse, type UsageEvent } from '../../shared/billing/api.js';
import { apiClient, callsCosting, usageEvent } from '../test-support/http.js';
import { oneJsonLine, runServerCommand, startServerProcess, type ServerProcess } from '../test-support/processes.js';
import { createTestStore, describeEachStore, type TestStore } from '../test-support/stores.js';

const M = 1_000_000;

describeEachStore('operator commands and server processes', (kind) => {
  let store: TestStore;
  let team: { teamId: string; adminEmail: string; adminPassword: string; adminToken: string };
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    store = await createTestStore(kind);
    const r = await runServerCommand(
      ['init', '--team', 'Acme', '--plan', 'basic', '--admin-email', 'Ops@Example.com', '--admin-password', 'ops-password-1'],
      { ...store.env, BILLING_NOW: '2026-01-31T10:00:00Z' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    team = oneJsonLine(r.stdout) as typeof team;
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) await s.stop();
    await store?.drop();
  });

  const serve = async (now = '2026-02-10T12:00:00Z') => {
    const s = await startServerProcess({ ...store.env, BILLING_NOW: now });
    servers.push(s);
    return s;
  };

  it('init prints exactly one JSON line: {"teamId","adminEmail","adminPassword","adminToken"}', async () => {
    expect(Object.keys(team)).toEqual(['teamId', 'adminEmail', 'adminPassword', 'adminToken']);
    expect(team).toMatchObject({ adminEmail: 'ops@example.com', adminPassword: 'ops-password-1' });
    const generated = await runServerCommand(['init', '--team', 'Beta', '--plan', 'free', '--ai-addon', '--admin-email', 'beta@example.com'], store.env);
    expect(generated.code).toBe(0);
    const out = oneJsonLine(generated.stdout) as { adminPassword: string; adminToken: string };
    expect(out.adminPassword.length).toBeGreaterThanOrEqual(16);
    expect(out.adminToken).toMatch(/^cbt_/);
  });

  it('init refuses bad arguments without printing on stdout', async () => {
    for (const args of [
      ['init', '--team', 'X', '--plan', 'gold', '--admin-email', 'x@example.com'],
      ['init', '--team', 'X', '--plan', 'basic'],
      ['init', '--team', 'X', '--plan', 'basic', '--admin-email', 'y@example.com', '--colour', 'red'],
    ]) {
      const r = await runServerCommand(args, store.env);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(JSON.parse(r.stderr.trim())).toHaveProperty('error');
    }
    const taken = await runServerCommand(['init', '--team', 'Again', '--plan', 'basic', '--admin-email', 'ops@example.com'], store.env);
    expect(taken.code).toBe(1);
    expect(taken.stdout).toBe('');
    const addon = await runServerCommand(['init', '--team', 'Y', '--plan', 'basic', '--ai-addon', '--admin-email', 'z@example.com'], store.env);
    expect(addon.code).toBe(1);
  });

  it('serves on the port given, with the clock started at BILLING_NOW; the init token works; Ctrl+C stops it cleanly', async () => {
    const s = await serve('2026-02-10T12:00:00Z');
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const api = apiClient(s.url, team.adminToken);
    expect((await api.get('/healthz')).body).toEqual({ ok: true });
    const ent = Entitlement.parse((await api.get('/v1/me/entitlement')).body);
    expect(ent.cycle).toEqual({ start: '2026-01-31T00:00:00.000Z', end: '2026-02-28T00:00:00.000Z' });
    expect(ent.roles).toEqual(['admin', 'billing']);
    const issued = Date.parse(ent.issuedAt);
    expect(issued).toBeGreaterThanOrEqual(Date.parse('2026-02-10T12:00:00Z'));
    expect(issued).toBeLessThan(Date.parse('2026-02-10T12:01:00Z'));
    const login = await api.post<{ token: string }>('/v1/auth/login', { email: team.adminEmail, password: team.adminPassword }, null);
    expect(login.status).toBe(200);
    expect(await s.stop()).toBe(0);
  });

  it('Ctrl+C while batches are in flight: every batch is answered, then the process exits 0 with nothing on stderr', async () => {
    const s = await serve('2026-02-10T12:00:00Z');
    const usedMicro = async (url: string) => {
      const e = Entitlement.parse((await apiClient(url, team.adminToken).get('/v1/me/entitlement')).body);
      return e.includedUsedMicro + e.paygMicro + e.unfundedMicro;
    };
    const usedBefore = await usedMicro(s.url);
    const batches = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 1000 }, (_, i) => usageEvent({ occurredAt: '2026-02-10T12:00:00.000Z', seq: b * 1000 + i, calls: [{ inputTokens: 10, outputTokens: 0, assetWrite: false }] })),
    );
    // Each batch is written out whole before Ctrl+C, so all twelve are in flight at the server when it
    // stops (a fixed wait alone raced the client's own serialisation on a loaded machine).
    const sent: Promise<void>[] = [];
    const inFlight = batches.map((events) => {
      const body = JSON.stringify({ events });
      return new Promise<number | string>((resolve) => {
        const req = http.request(`${s.url}/v1/usage/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${team.adminToken}` },
        });
        sent.push(new Promise((done) => req.on('finish', () => done())));
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', (error) => resolve(String(error)));
        req.end(body);
      });
    });
    await Promise.all(sent);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await s.stop()).toBe(0);
    // A batch the server had begun before Ctrl+C is answered 200. One whose bytes it had not read
    // yet (how many depends on the machine's load) is refused: 503 "shutting down", or, when the
    // connection was still idle at the close, a reset — known gap, see server/README.md; clients
    // send again. Either way nothing of it is stored (checked below).
    const statuses = await Promise.all(inFlight);
    for (const status of statuses) expect(String(status)).toMatch(/^(200|503|Error: (read ECONNRESET|socket hang up|connect ECONNREFUSED.*))$/);
    expect(statuses).toContain(200);
    expect(s.stderr()).toBe('');
    // Nothing half-stored: exactly the answered-200 batches were booked (1,000 events × 5,000 µcredits).
    const again = await serve('2026-02-10T12:00:00Z');
    const accepted = statuses.filter((status) => status === 200).length;
    expect((await usedMicro(again.url)) - usedBefore).toBe(accepted * 1000 * 5000);
    await again.stop();
  });

  it('close-cycles run twice at the same time issues one invoice per cycle; a third run issues nothing', async () => {
    const [a, b] = await Promise.all([
      runServerCommand(['close-cycles', '--now', '2026-04-01T00:00:00Z'], store.env),
      runServerCommand(['close-cycles', '--now', '2026-04-01T00:00:00Z'], store.env),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    type Out = { now: string; invoices: { teamId: string; cycle: { start: string } }[] };
    const outs = [oneJsonLine(a.stdout) as Out, oneJsonLine(b.stdout) as Out];
    const acme = outs.flatMap((o) => o.invoices).filter((i) => i.teamId === team.teamId);
    expect(acme.map((i) => i.cycle.start).sort()).toEqual(['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z']);
    const again = await runServerCommand(['close-cycles', '--now', '2026-04-01T00:00:00Z'], store.env);
    expect(oneJsonLine(again.stdout)).toEqual({ now: '2026-04-01T00:00:00.000Z', invoices: [] });
    const s = await serve('2026-04-01T00:00:00Z');
    const list = InvoiceList.parse((await apiClient(s.url, team.adminToken).get(`/v1/teams/${team.teamId}/invoices`)).body).invoices;
    expect(list).toHaveLength(2);
    await s.stop();
  });

  it('two server processes: one batch replayed 1,000 times changes nothing; parallel events never burn more allotment than exists', async () => {
    const [s1, s2] = await Promise.all([serve('2026-04-10T12:00:00Z'), serve('2026-04-10T12:00:00Z')]);
    const admin = apiClient(s1.url, team.adminToken);
    const invited = await admin.post<{ user: { id: string }; password: string }>(`/v1/teams/${team.teamId}/members`, { email: `m-${kind}@example.com`, name: 'M', roles: ['member'] });
    expect(invited.status).toBe(201);
    const token = (await admin.post<{ token: string }>('/v1/auth/login', { email: `m-${kind}@example.com`, password: invited.body.password }, null)).body.token;
    const clients = [apiClient(s1.url, token), apiClient(s2.url, token)];
    const occurredAt = '2026-04-10T12:00:00.000Z';

    // The replay: 1,000 sends of one 10-event batch (10 credits), alternating processes, 20 at a time.
    const batch = Array.from({ length: 10 }, (_, i) => usageEvent({ occurredAt, seq: i, calls: callsCosting(1) }));
    let accepted = 0;
    let duplicates = 0;
    for (let round = 0; round < 50; round++) {
      const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2].post<UsageBatchResponse>('/v1/usage/events', { events: batch })));
      for (const r of replies) {
        expect(r.status).toBe(200);
        accepted += r.body.accepted.length;
        duplicates += r.body.duplicates.length;
      }
    }
    expect(accepted).toBe(10);
    expect(duplicates).toBe(10 * 999);
    let ent = Entitlement.parse((await clients[1].get('/v1/me/entitlement')).body);
    expect(ent.includedUsedMicro).toBe(10 * M);

    // Parallel: 60 batches × 10 events × 1 credit from both processes = 600 credits for 390 left.
    const batches: UsageEvent[][] = Array.from({ length: 60 }, (_, b) => Array.from({ length: 10 }, (_, i) => usageEvent({ occurredAt, seq: 100 + b * 10 + i, calls: callsCosting(1) })));
    const replies = await Promise.all(batches.map((events, i) => clients[i % 2].post<UsageBatchResponse>('/v1/usage/events', { events })));
    expect(replies.every((r) => r.status === 200 && r.body.accepted.length === 10)).toBe(true);
    ent = Entitlement.parse((await clients[0].get('/v1/me/entitlement')).body);
    expect(ent.includedUsedMicro).toBe(400 * M);
    expect(ent.unfundedMicro).toBe(210 * M);
    expect(ent.paygMicro).toBe(0);
    await Promise.all([s1.stop(), s2.stop()]);
  });
});
