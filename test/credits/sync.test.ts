// Credit sync against a real billing server process through the fault proxy, on SQLite and on
// PostgreSQL where one answers: batches, dedupe on replay, rejected events kept with their reason,
// offline → online draining with backoff, and every kind of fault — afterwards the server's totals
// equal the client's ledger.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../../server/test-support/stores.js';
import type { CreditMeter } from '../../shared/contract-credits.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { openClient, recordTurn, startBilling, turn, type Billing, type Client } from './billing-fixture.js';

const M = 1_000_000;
/** 1,000 input + 200 output tokens at the default tier: 500,000 + 400,000 micro-credits. */
const TURN_MICRO = 900_000;

/** Resolves with the first meter event that satisfies `test`. */
function meterWhere(client: Client, test: (m: CreditMeter) => boolean): Promise<CreditMeter> {
  return new Promise((resolve) => {
    const off = client.events.subscribe((name, payload) => {
      const { meter } = payload as { meter: CreditMeter };
      if (name === 'credits.meter' && test(meter)) {
        off();
        resolve(meter);
      }
    });
    const now = client.credits.meter();
    if (test(now)) {
      off();
      resolve(now);
    }
  });
}

describeEachStore('credit sync', (kind) => {
  let billing: Billing;
  let proxy: FaultProxy;
  const posts: number[] = [];

  beforeAll(async () => {
    billing = await startBilling({ kind, plan: 'basic' });
    proxy = await startFaultProxy({ target: billing.url });
  });
  afterAll(async () => {
    await proxy?.close();
    await billing?.close();
  });

  async function signedInClient(email: string): Promise<Client> {
    const member = await billing.invite(email);
    const client = openClient();
    await client.credits.signIn({ url: proxy.url, email: member.email, password: member.password });
    return client;
  }

  function memberTotals(details: Awaited<ReturnType<Billing['details']>>, email: string) {
    const m = details.members.find((x) => x.email === email);
    if (!m) throw new Error(`${email} is not in AI Credit Details`);
    return m;
  }

  it('sends 2,500 queued events in batches of at most 1,000, and the server books exactly the ledger', async () => {
    const client = await signedInClient('batches@acme.test');
    proxy.setChoose(({ method, path }) => {
      if (method === 'POST' && path === '/v1/usage/events') posts.push(1);
      return 'pass';
    });
    client.workspace.transaction(() => {
      for (let i = 0; i < 2500; i++) client.credits.turnMeter.recordTurn(turn(i));
    });
    expect(client.credits.meter()).toMatchObject({ queuedEvents: 2500, queuedMicro: 2500 * TURN_MICRO });
    await client.credits.sync();
    expect(posts.length).toBe(3);
    const meter = client.credits.meter();
    expect(meter).toMatchObject({ queuedEvents: 0, queuedMicro: 0, state: 'synced' });
    const ledger = client.credits.outbox.ledger(client.credits.accountKey());
    expect(ledger).toEqual({ events: 2500, micro: 2500 * TURN_MICRO });
    const server = memberTotals(await billing.details(), 'batches@acme.test');
    expect(server.creditsUsedMicro).toBe(ledger.micro);
    // Basic: 400 included credits, the rest unfunded (PAYG is off for this member).
    expect(server.includedUsedMicro).toBe(400 * M);
    expect(server.unfundedMicro).toBe(2500 * TURN_MICRO - 400 * M);
    expect(meter.snapshot).toMatchObject({ includedUsedMicro: 400 * M, unfundedMicro: 2500 * TURN_MICRO - 400 * M });

    // A killed app that never stored the answers sends the same events again: counted once.
    client.workspace.sqlite.prepare(`UPDATE credit_outbox SET status = 'queued'`).run();
    posts.length = 0;
    await client.credits.sync();
    expect(posts.length).toBe(3);
    expect(client.credits.meter().queuedEvents).toBe(0);
    expect(memberTotals(await billing.details(), 'batches@acme.test').creditsUsedMicro).toBe(ledger.micro);
    proxy.setChoose(undefined);
    await client.close();
  });

  it('keeps an event the server rejects, with its reason, out of the queue and the ledger', async () => {
    const client = await signedInClient('rejects@acme.test');
    recordTurn(client, turn(1));
    const account = client.credits.accountKey();
    client.workspace.transaction(() =>
      client.credits.outbox.add({
        id: '9b2f7c1e-0000-4000-8000-000000000001',
        account,
        turnId: 'from-the-future',
        occurredAt: new Date().toISOString(),
        model: 'gpt-4o-mini',
        rateCardVersion: 99,
        calls: [{ inputTokens: 10, outputTokens: 10, assetWrite: false }],
        creditsMicro: 25_000,
      }),
    );
    const meter = await client.credits.sync();
    expect(meter.queuedEvents).toBe(0);
    expect(meter.rejected).toEqual([
      expect.objectContaining({ id: '9b2f7c1e-0000-4000-8000-000000000001', reason: 'unknown_rate_card_version', credits: 25_000 }),
    ]);
    expect(meter.rejected[0].message).toMatch(/rate card/i);
    expect(client.credits.outbox.ledger(account)).toEqual({ events: 1, micro: TURN_MICRO });
    expect(memberTotals(await billing.details(), 'rejects@acme.test').creditsUsedMicro).toBe(TURN_MICRO);
    await client.close();
  });

  it('goes offline while the server cannot be reached, keeps metering from the cache, and drains when it is back', async () => {
    const client = await signedInClient('offline@acme.test');
    const before = client.credits.meter();
    expect(before).toMatchObject({ state: 'synced', remainingMicro: 400 * M });
    await proxy.down();
    for (let i = 0; i < 3; i++) recordTurn(client, turn(i));
    const offline = await client.credits.sync();
    expect(offline.state).toBe('offline');
    expect(offline.lastError).toMatch(/could not be reached.*ECONNREFUSED/);
    expect(offline).toMatchObject({ queuedEvents: 3, queuedMicro: 3 * TURN_MICRO, remainingMicro: 400 * M - 3 * TURN_MICRO });
    await proxy.up();
    // No sync call here: the engine's own retry (backoff with jitter) drains the queue.
    const synced = await meterWhere(client, (m) => m.state === 'synced' && m.queuedEvents === 0);
    expect(synced.snapshot?.includedUsedMicro).toBe(3 * TURN_MICRO);
    expect(memberTotals(await billing.details(), 'offline@acme.test').creditsUsedMicro).toBe(3 * TURN_MICRO);
    await client.close();
  });

  it('survives every fault of the proxy (drop, delay, duplicate, cut after commit, truncate, 502) and counts each event once', async () => {
    const client = await signedInClient('faults@acme.test');
    const script: Fault[] = ['drop', 'cut', 'duplicate', 'truncate', 'error', 'delay', 'cut', 'duplicate'];
    proxy.setChoose(({ path }) => (path === '/v1/usage/events' ? (script.shift() ?? 'pass') : 'pass'));
    let n = 0;
    for (let round = 0; round < 8; round++) {
      client.workspace.transaction(() => {
        for (let i = 0; i < 40; i++) client.credits.turnMeter.recordTurn(turn(n++, [{ inputTokens: 100 + n, outputTokens: n, assetWrite: n % 3 === 0 }]));
      });
      await client.credits.sync();
    }
    await meterWhere(client, (m) => m.state === 'synced' && m.queuedEvents === 0);
    expect(script).toEqual([]);
    const ledger = client.credits.outbox.ledger(client.credits.accountKey());
    expect(ledger.events).toBe(320);
    expect(memberTotals(await billing.details(), 'faults@acme.test').creditsUsedMicro).toBe(ledger.micro);
    proxy.setChoose(undefined);
    await client.close();
  });

  it('refuses offline once the cached remaining credits minus the queue reach zero, and books the overrun when back', async () => {
    const client = await signedInClient('limit@acme.test');
    await proxy.down();
    // 180,000 output tokens: 360 credits a turn; Basic gives 400.
    const big = (i: number) => turn(i, [{ inputTokens: 0, outputTokens: 180_000, assetWrite: false }]);
    expect(client.credits.turnMeter.beforeTurn()).toEqual({ allowed: true });
    recordTurn(client, big(1));
    expect(client.credits.turnMeter.beforeTurn()).toEqual({ allowed: true });
    recordTurn(client, big(2));
    expect(client.credits.turnMeter.beforeTurn()).toEqual({
      allowed: false,
      reason: 'allotment_used',
      message: 'Your 400 monthly credits are used. A billing user can turn on pay-as-you-go for you in Team Settings → Resource Usage → AI Credit Details.',
    });
    expect(client.credits.meter()).toMatchObject({ remainingMicro: 0, queuedMicro: 720 * M });
    await proxy.up();
    await client.credits.sync();
    const server = memberTotals(await billing.details(), 'limit@acme.test');
    expect(server).toMatchObject({ includedUsedMicro: 400 * M, unfundedMicro: 320 * M, creditsUsedMicro: 720 * M });
    await client.close();
  });

  it('a refusal refreshes the snapshot, so PAYG turned on by a billing user lets the next turn go on', async () => {
    const client = await signedInClient('payg@acme.test');
    recordTurn(client, turn(1, [{ inputTokens: 0, outputTokens: 200_000, assetWrite: false }]));
    await client.credits.sync();
    expect(client.credits.turnMeter.beforeTurn()).toMatchObject({ allowed: false, reason: 'allotment_used' });
    const { members } = (await billing.api.get<{ members: { id: string; email: string }[] }>(`/v1/teams/${billing.teamId}/members`)).body;
    const payg = await billing.api.put(`/v1/teams/${billing.teamId}/members/${members.find((m) => m.email === 'payg@acme.test')!.id}/payg`, { enabled: true });
    expect(payg.status).toBe(200);
    // The refusal above asked for a refresh; asking again (the cache may still say no) covers one that came too early.
    client.credits.turnMeter.beforeTurn();
    await meterWhere(client, (m) => m.snapshot?.paygEnabled === true);
    expect(client.credits.turnMeter.beforeTurn()).toEqual({ allowed: true });
    expect(client.credits.meter().decision).toEqual({ allowed: true, funding: 'payg' });
    await client.close();
  });

  it('says so when the server no longer accepts the sign-in (token revoked), and keeps the queue for the next sign-in', async () => {
    const client = await signedInClient('revoked@acme.test');
    const token = client.credits.state.remote()!.token;
    expect((await billing.api.post('/v1/auth/logout', {}, token)).status).toBe(204);
    recordTurn(client, turn(1));
    const meter = await client.credits.sync();
    expect(meter).toMatchObject({ state: 'error', queuedEvents: 1 });
    expect(meter.lastError).toMatch(/no longer accepts this sign-in.*Sign in again/);
    const again = await client.credits.signIn({ url: proxy.url, email: 'revoked@acme.test', password: 'member-password' });
    expect(again).toMatchObject({ state: 'synced', queuedEvents: 0 });
    expect(memberTotals(await billing.details(), 'revoked@acme.test').creditsUsedMicro).toBe(TURN_MICRO);
    await client.close();
  });
});
