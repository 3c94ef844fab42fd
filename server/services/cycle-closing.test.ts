// Cycles, late events and invoices on both stores: the 24-hour grace, late events after a final
// invoice, close-cycles run twice and concurrently, invoice lines and the plan in force.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AiCreditDetails, Invoice, InvoiceList, UsageBatchResponse } from '../../shared/billing/api.js';
import type { UsageEvent } from '../../shared/billing/api.js';
import { callsCosting, usageEvent } from '../test-support/http.js';
import { addMember, createTestTeam, M, startTestServer, type TestServer, type TestTeam, type TestUser } from '../test-support/server.js';
import { describeEachStore } from '../test-support/stores.js';
import { closeCycles } from './cycle-closing.js';

/** `tokens` input tokens spread over calls of at most 2,000,000 (the per-call limit). */
function inputTokensCalls(tokens: number): UsageEvent['calls'] {
  const calls: UsageEvent['calls'] = [];
  for (let left = tokens; left > 0; left -= 2_000_000) calls.push({ inputTokens: Math.min(left, 2_000_000), outputTokens: 0, assetWrite: false });
  return calls;
}

describeEachStore('cycles and invoices', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { now: '2026-01-31T10:00:00.000Z' });
  });
  afterAll(async () => server?.close());

  const send = async (token: string, events: UsageEvent[]) => {
    const r = await server.api.post<UsageBatchResponse>('/v1/usage/events', { events }, token);
    expect(r.status).toBe(200);
    return UsageBatchResponse.parse(r.body);
  };
  const invoices = async (team: TestTeam) => InvoiceList.parse((await server.api.get(`/v1/teams/${team.teamId}/invoices`, team.admin.token)).body).invoices;
  const details = async (team: TestTeam, cycle: string) =>
    AiCreditDetails.parse((await server.api.get(`/v1/teams/${team.teamId}/ai-credit-details?cycle=${cycle}`, team.admin.token)).body);
  const enablePayg = async (team: TestTeam, user: TestUser) =>
    expect((await server.api.put(`/v1/teams/${team.teamId}/members/${user.id}/payg`, { enabled: true }, team.admin.token)).status).toBe(200);

  /** A fresh team anchored on day 31 whose first cycle is 31 Jan → 28 Feb 2026. */
  async function freshTeam(plan: 'basic' | 'free' = 'basic', aiAddon = false) {
    server.clock.set('2026-01-31T10:00:00.000Z');
    const team = await createTestTeam(server, { plan, aiAddon, billingDay: 31 });
    return team;
  }

  it('books an event from the last cycle there within the 24-hour grace, and in the current cycle (late) after it', async () => {
    const team = await freshTeam();
    const user = await addMember(server, team);
    server.clock.set('2026-02-28T05:00:00.000Z'); // cycle 28 Feb → 31 Mar; grace for 31 Jan → 28 Feb until 1 Mar 00:00
    const inGrace = usageEvent({ occurredAt: '2026-02-27T23:00:00.000Z', calls: callsCosting(2) });
    const res = await send(user.token, [inGrace]);
    expect(res.entitlement.cycle.start).toBe('2026-02-28T00:00:00.000Z');
    expect(res.entitlement.includedUsedMicro).toBe(0);
    expect((await details(team, 'previous')).totals.creditsUsedMicro).toBe(2 * M);
    expect((await details(team, '2026-02-01')).daily.find((d) => d.date === '2026-02-27')?.creditsUsedMicro).toBe(2 * M);

    server.clock.set('2026-03-01T00:00:00.000Z'); // grace over
    const afterGrace = usageEvent({ occurredAt: '2026-02-27T23:30:00.000Z', calls: callsCosting(3) });
    const res2 = await send(user.token, [afterGrace]);
    expect(res2.entitlement.includedUsedMicro).toBe(3 * M);
    expect((await details(team, 'previous')).totals.creditsUsedMicro).toBe(2 * M);
    const current = await details(team, 'current');
    expect(current.daily.find((d) => d.date === '2026-03-01')?.creditsUsedMicro).toBe(3 * M);
    const row = await server.store.db.selectFrom('usage_events').select(['late', 'cycle_start']).where('id', '=', afterGrace.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ late: 1, cycle_start: '2026-02-28T00:00:00.000Z' });
  });

  it('books an event backdated before the team existed in the current cycle (late), never in a cycle no invoice will close', async () => {
    const team = await freshTeam(); // created 31 Jan 10:00, first cycle 31 Jan → 28 Feb
    const user = await addMember(server, team);
    server.clock.set('2026-01-31T12:00:00.000Z'); // within 24 h of the end of 31 Dec → 31 Jan, a cycle before the team
    const backdated = usageEvent({ occurredAt: '2026-01-30T23:00:00.000Z', calls: callsCosting(4) });
    const res = await send(user.token, [backdated]);
    expect(res.accepted).toEqual([backdated.id]);
    expect(res.entitlement.includedUsedMicro).toBe(4 * M);
    const row = await server.store.db.selectFrom('usage_events').select(['late', 'cycle_start']).where('id', '=', backdated.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ late: 1, cycle_start: '2026-01-31T00:00:00.000Z' });
  });

  it('once a cycle is invoiced, late events land in the current cycle and the final invoice never changes', async () => {
    const team = await freshTeam();
    const user = await addMember(server, team);
    await enablePayg(team, user);
    server.clock.set('2026-02-20T00:00:00.000Z');
    await send(user.token, [usageEvent({ occurredAt: '2026-02-19T00:00:00.000Z', calls: callsCosting(410) })]);
    server.clock.set('2026-02-28T02:00:00.000Z');
    const closed = await closeCycles(server.ctx, server.clock.now());
    expect(closed.filter((c) => c.teamId === team.teamId)).toHaveLength(1);
    const [before] = await invoices(team);
    expect(before.lines.find((l) => l.kind === 'ai_credit_usage')?.quantity).toBe('10');

    // Within the grace period, but the invoice is final: the event goes to the current cycle, late.
    const late = usageEvent({ occurredAt: '2026-02-27T20:00:00.000Z', calls: callsCosting(5) });
    const res = await send(user.token, [late]);
    expect(res.entitlement.includedUsedMicro).toBe(5 * M);
    const row = await server.store.db.selectFrom('usage_events').select(['late', 'cycle_start']).where('id', '=', late.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ late: 1, cycle_start: '2026-02-28T00:00:00.000Z' });
    const [after] = await invoices(team);
    expect(after).toEqual(before);
    // A replay of an already-invoiced event is still only a duplicate.
    expect((await closeCycles(server.ctx, server.clock.now())).filter((c) => c.teamId === team.teamId)).toEqual([]);
  });

  it('issues one invoice per team per cycle with seats, AI add-on seats and one PAYG line (credits × rate, never per seat)', async () => {
    const team = await freshTeam('free', true);
    const a = await addMember(server, team);
    const b = await addMember(server, team, ['billing']);
    await enablePayg(team, a);
    await enablePayg(team, b);
    server.clock.set('2026-02-10T00:00:00.000Z');
    // a: 400 included + 834.5 PAYG; b: 400 included + 0.25 PAYG (half credits via asset writes / odd tokens)
    await send(a.token, [usageEvent({ occurredAt: server.clock.now().toISOString(), calls: inputTokensCalls(2000 * 1234 + 1000) })]);
    await send(b.token, [usageEvent({ occurredAt: server.clock.now().toISOString(), calls: [{ inputTokens: 800_000, outputTokens: 125, assetWrite: false }] })]);
    server.clock.set('2026-03-05T00:00:00.000Z');
    await closeCycles(server.ctx, server.clock.now());
    const list = await invoices(team);
    expect(list).toHaveLength(1); // only 31 Jan → 28 Feb has ended
    const invoice = Invoice.parse((await server.api.get(`/v1/teams/${team.teamId}/invoices/${list[0].id}`, team.admin.token)).body);
    expect(invoice.cycle).toEqual({ start: '2026-01-31T00:00:00.000Z', end: '2026-02-28T00:00:00.000Z' });
    expect(invoice.currency).toBe('USD');
    // PAYG: (1234.5 − 400) + (400.25 − 400) = 834.75 credits × $0.04 = $33.39
    expect(invoice.lines).toEqual([
      { kind: 'seats', description: 'Free plan seats', quantity: '3', unitPrice: '0.00', amountMinor: 0, amountExactMinor: '0' },
      { kind: 'ai_addon', description: 'AI add-on seats', quantity: '3', unitPrice: '9.00', amountMinor: 2700, amountExactMinor: '2700' },
      { kind: 'ai_credit_usage', description: 'AI credit usage (pay-as-you-go)', quantity: '834.75', unitPrice: '0.04', amountMinor: 3339, amountExactMinor: '3339' },
    ]);
    expect(invoice.totalMinor).toBe(6039);
    expect(invoice.lines.filter((l) => l.kind === 'ai_credit_usage')).toHaveLength(1);
    // AI Credit Details of that cycle agree.
    const d = await details(team, '2026-01-31');
    expect(d.totals).toMatchObject({ paygMicro: 834_750_000, includedUsedMicro: 800 * M, accruedPaygCostMinor: 3339, currency: 'USD' });
    expect(d.members.find((m) => m.userId === a.id)).toMatchObject({ paygMicro: 834_500_000, creditsUsedMicro: 1234_500_000, paygEnabled: true, allotmentMicro: 400 * M });
  });

  it('rounds the PAYG line half to even and keeps the exact amount', async () => {
    const team = await freshTeam('basic');
    const a = await addMember(server, team);
    await enablePayg(team, a);
    server.clock.set('2026-02-10T00:00:00.000Z');
    // 400 included + 1234.5 PAYG credits × $0.035 = $43.2075 → 4320.75 cents → 4321
    await send(a.token, [usageEvent({ occurredAt: server.clock.now().toISOString(), calls: inputTokensCalls(2000 * 1634 + 1000) })]);
    server.clock.set('2026-02-28T00:00:00.000Z');
    await closeCycles(server.ctx, server.clock.now());
    const [invoice] = await invoices(team);
    expect(invoice.lines.find((l) => l.kind === 'ai_credit_usage')).toEqual({
      kind: 'ai_credit_usage',
      description: 'AI credit usage (pay-as-you-go)',
      quantity: '1234.5',
      unitPrice: '0.035',
      amountMinor: 4321,
      amountExactMinor: '4320.75',
    });
    expect(invoice.lines.find((l) => l.kind === 'seats')).toMatchObject({ quantity: '2', unitPrice: '14.00', amountMinor: 2800 });
    expect(invoice.lines.some((l) => l.kind === 'ai_addon')).toBe(false);
    expect(invoice.totalMinor).toBe(2800 + 4321);
  });

  it('close-cycles is idempotent, even run twice at the same time through separate connections', async () => {
    const team = await freshTeam();
    server.clock.set('2026-05-01T00:00:00.000Z');
    const other = server.testStore.open();
    const third = server.testStore.open();
    try {
      const now = server.clock.now();
      const [x, y, z] = await Promise.all([
        closeCycles(server.ctx, now),
        closeCycles({ store: other, clock: server.clock }, now),
        closeCycles({ store: third, clock: server.clock }, now),
      ]);
      const mine = [...x, ...y, ...z].filter((c) => c.teamId === team.teamId);
      // 31 Jan → 28 Feb, 28 Feb → 31 Mar, 31 Mar → 30 Apr
      expect(mine.map((c) => c.cycle.start).sort()).toEqual(['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
      expect(await closeCycles(server.ctx, now)).toEqual([]);
      const list = await invoices(team);
      expect(list.map((i) => i.cycle.end)).toEqual(['2026-04-30T00:00:00.000Z', '2026-03-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z']);
    } finally {
      await other.close();
      await third.close();
    }
  });

  it('anchors cycles on day 31 through a leap February', async () => {
    server.clock.set('2028-01-31T08:00:00.000Z');
    const team = await createTestTeam(server, { billingDay: 31 });
    server.clock.set('2028-03-31T00:00:00.000Z');
    await closeCycles(server.ctx, server.clock.now());
    const list = await invoices(team);
    expect(list.map((i) => i.cycle)).toEqual([
      { start: '2028-02-29T00:00:00.000Z', end: '2028-03-31T00:00:00.000Z' },
      { start: '2028-01-31T00:00:00.000Z', end: '2028-02-29T00:00:00.000Z' },
    ]);
  });

  it('invoices a cycle on the plan in force at its end, even when changed before close-cycles ran', async () => {
    const team = await freshTeam('basic');
    server.clock.set('2026-02-10T00:00:00.000Z');
    expect((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'professional' }, team.admin.token)).status).toBe(200);
    server.clock.set('2026-03-02T00:00:00.000Z'); // next cycle: downgrade to basic before closing
    expect((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'basic' }, team.admin.token)).status).toBe(200);
    await closeCycles(server.ctx, server.clock.now());
    const [invoice] = await invoices(team);
    expect(invoice.lines[0]).toMatchObject({ kind: 'seats', description: 'Professional plan seats', unitPrice: '29.00', quantity: '1' });
    expect(invoice.lines.find((l) => l.kind === 'ai_credit_usage')?.unitPrice).toBe('0.03');
  });

  it('still bills PAYG credits when the plan in force at the cycle end has no PAYG (at the last PAYG rate of the cycle)', async () => {
    const team = await freshTeam('basic');
    const user = await addMember(server, team);
    await enablePayg(team, user);
    server.clock.set('2026-02-10T00:00:00.000Z');
    await send(user.token, [usageEvent({ occurredAt: server.clock.now().toISOString(), calls: callsCosting(410) })]); // 10 PAYG
    server.clock.set('2026-02-20T00:00:00.000Z');
    expect((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'free' }, team.admin.token)).status).toBe(200);
    // Accrued cost shown now and the invoice later agree: 10 credits × $0.035 (Basic, in force when they were spent).
    expect((await details(team, 'current')).totals).toMatchObject({ paygMicro: 10 * M, accruedPaygCostMinor: 35, accruedPaygCostExactMinor: '35' });
    server.clock.set('2026-03-01T00:00:00.000Z');
    await closeCycles(server.ctx, server.clock.now());
    const [invoice] = await invoices(team);
    expect(invoice.lines[0]).toMatchObject({ kind: 'seats', description: 'Free plan seats' });
    expect(invoice.lines.filter((l) => l.kind === 'ai_credit_usage')).toEqual([
      { kind: 'ai_credit_usage', description: 'AI credit usage (pay-as-you-go)', quantity: '10', unitPrice: '0.035', amountMinor: 35, amountExactMinor: '35' },
    ]);
    expect(invoice.totalMinor).toBe(35);
  });

  it('bills late events racing a cycle close exactly once, in one cycle, and leaves the invoice final', async () => {
    const team = await freshTeam('basic');
    const user = await addMember(server, team);
    await enablePayg(team, user);
    server.clock.set('2026-02-27T12:00:00.000Z');
    await send(user.token, [usageEvent({ occurredAt: server.clock.now().toISOString(), calls: callsCosting(400) })]);
    server.clock.set('2026-02-28T06:00:00.000Z'); // within the grace of 31 Jan → 28 Feb
    const lateEvents = Array.from({ length: 12 }, (_, i) => usageEvent({ occurredAt: '2026-02-27T22:00:00.000Z', seq: i, calls: callsCosting(1) }));
    const other = server.testStore.open();
    try {
      const [closed] = await Promise.all([
        closeCycles({ store: other, clock: server.clock }, server.clock.now()),
        ...lateEvents.map((e) => send(user.token, [e])),
      ]);
      expect(closed.filter((c) => c.teamId === team.teamId)).toHaveLength(1);
    } finally {
      await other.close();
    }
    const rows = await server.store.db.selectFrom('usage_events').select(['id', 'cycle_start', 'late', 'payg_micro']).where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(13);
    const inOld = rows.filter((r) => r.cycle_start === '2026-01-31T00:00:00.000Z');
    const inNew = rows.filter((r) => r.cycle_start === '2026-02-28T00:00:00.000Z');
    expect(inOld.length + inNew.length).toBe(13);
    expect(inNew.every((r) => r.late === 1)).toBe(true);
    const [invoice] = await invoices(team);
    const paygInOld = inOld.reduce((s, r) => s + Number(r.payg_micro), 0);
    expect(invoice.lines.find((l) => l.kind === 'ai_credit_usage')?.quantity).toBe(String(paygInOld / M));
    // Replaying everything changes nothing anywhere.
    const replay = await send(user.token, lateEvents);
    expect(replay.duplicates).toHaveLength(12);
    expect(await invoices(team)).toEqual([invoice]);
  });
});
