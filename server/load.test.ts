// Load (issue 5): three server processes on one database take 100,000 events (plus 10% duplicates)
// from concurrent clients; the totals then match a recomputation from scratch exactly.
// BILLING_LOAD_EVENTS changes the count.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Entitlement, UsageBatchResponse, type UsageEvent } from '../shared/billing/api.js';
import { sumInt } from './db/aggregates.js';
import { apiClient, usageEvent, type ApiClient } from './test-support/http.js';
import { oneJsonLine, runServerCommand, startServerProcess, type ServerProcess } from './test-support/processes.js';
import { createTestStore, describeEachStore, type TestStore } from './test-support/stores.js';

const EVENTS = Number(process.env.BILLING_LOAD_EVENTS || 100_000);
const BATCH = 500;
const CONCURRENCY = 12;
const USERS = 6;
const ALLOTMENT = 400_000_000;
const NOW = '2026-06-15T12:00:00.000Z';

/** The default card by hand: in × 500 + out × 2000, × 4 for the large tier, halved for asset writes. */
function expectedCost(e: UsageEvent): number {
  const tier = e.model === 'gpt-4o' ? 4 : 1;
  return e.calls.reduce((s, c) => s + ((c.inputTokens * 500 + c.outputTokens * 2000) * tier) / (c.assetWrite ? 2 : 1), 0);
}

describeEachStore('load: three server processes, concurrent clients', (kind) => {
  let store: TestStore;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    store = await createTestStore(kind);
  });
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) await s.stop();
    await store?.drop();
  });

  it(`ingests ${EVENTS} events (+10% duplicates) and the totals match a recomputation`, { timeout: 600_000 }, async () => {
    const init = await runServerCommand(['init', '--team', 'Load', '--plan', 'professional', '--admin-email', `load-${kind}@example.com`, '--now', '2026-06-01T00:00:00Z'], store.env);
    const team = oneJsonLine(init.stdout) as { teamId: string; adminToken: string };
    servers.push(...(await Promise.all([0, 1, 2].map(() => startServerProcess({ ...store.env, BILLING_NOW: NOW })))));
    const admin = apiClient(servers[0].url, team.adminToken);

    const users: { id: string; payg: boolean; clients: ApiClient[] }[] = [];
    for (let u = 0; u < USERS; u++) {
      const email = `load-${kind}-${u}@example.com`;
      const invited = await admin.post<{ user: { id: string }; password: string }>(`/v1/teams/${team.teamId}/members`, { email, name: `U${u}`, roles: ['member'] });
      const payg = u % 2 === 0;
      if (payg) await admin.put(`/v1/teams/${team.teamId}/members/${invited.body.user.id}/payg`, { enabled: true });
      const token = (await admin.post<{ token: string }>('/v1/auth/login', { email, password: invited.body.password }, null)).body.token;
      users.push({ id: invited.body.user.id, payg, clients: servers.map((s) => apiClient(s.url, token)) });
    }

    // Events per user, then batches of one user's events; duplicates re-sent in later batches.
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const perUser: UsageEvent[][] = users.map(() => []);
    for (let i = 0; i < EVENTS; i++) {
      const calls = Array.from({ length: 1 + rand(3) }, () => ({ inputTokens: rand(3000), outputTokens: rand(400), assetWrite: rand(4) === 0 }));
      perUser[i % USERS].push(usageEvent({ occurredAt: NOW, deviceId: `d${i % 3}`, seq: i, model: rand(5) === 0 ? 'gpt-4o' : 'small-model', calls }));
    }
    const jobs: { user: number; events: UsageEvent[] }[] = [];
    perUser.forEach((events, user) => {
      for (let i = 0; i < events.length; i += BATCH) jobs.push({ user, events: events.slice(i, i + BATCH) });
      const dups = Array.from({ length: Math.round(events.length / 10) }, () => events[rand(events.length)]);
      for (let i = 0; i < dups.length; i += BATCH) jobs.push({ user, events: dups.slice(i, i + BATCH) });
    });
    jobs.sort(() => rand(3) - 1);

    let accepted = 0;
    let duplicates = 0;
    let next = 0;
    const worker = async (w: number) => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const r = await users[job.user].clients[w % 3].post<UsageBatchResponse>('/v1/usage/events', { events: job.events });
        expect(r.status).toBe(200);
        const body = UsageBatchResponse.parse(r.body);
        expect(body.rejected).toEqual([]);
        accepted += body.accepted.length;
        duplicates += body.duplicates.length;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    const dupCount = jobs.reduce((s, j) => s + j.events.length, 0) - EVENTS;
    expect(accepted).toBe(EVENTS);
    expect(duplicates).toBe(dupCount);

    // Recompute from scratch: within one cycle the split is order-independent.
    const check = store.open();
    try {
      for (const [u, user] of users.entries()) {
        const total = perUser[u].reduce((s, e) => s + expectedCost(e), 0);
        const included = Math.min(total, ALLOTMENT);
        const ent = Entitlement.parse((await user.clients[u % 3].get('/v1/me/entitlement')).body);
        expect(ent.includedUsedMicro).toBe(included);
        expect(ent.paygMicro).toBe(user.payg ? total - included : 0);
        expect(ent.unfundedMicro).toBe(user.payg ? 0 : total - included);
        const sums = await check.db
          .selectFrom('usage_events')
          .select([sumInt('credits_micro').as('credits'), sumInt('included_micro').as('included'), sumInt('payg_micro').as('payg'), sumInt('unfunded_micro').as('unfunded')])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow();
        expect({ ...sums, n: Number(sums.n) }).toEqual({ credits: total, included, payg: ent.paygMicro, unfunded: ent.unfundedMicro, n: perUser[u].length });
      }
    } finally {
      await check.close();
    }
  });
});
