// Usage ingestion over real HTTP, on both stores: arithmetic, idempotency, rejections, the
// allotment → PAYG → unfunded order, alerts and races for the last credits.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  Entitlement,
  MAX_CALLS_PER_EVENT,
  MAX_CYCLE_MICRO_PER_USER,
  MAX_EVENTS_PER_BATCH,
  MAX_TOKENS_PER_CALL,
  NotificationList,
  UsageBatchResponse,
} from '../../shared/billing/api.js';
import { BODY_LIMIT_BYTES } from '../app.js';
import { callsCosting, usageEvent } from '../test-support/http.js';
import { addMember, createTestTeam, M, startTestServer, type TestServer, type TestTeam } from '../test-support/server.js';
import { describeEachStore } from '../test-support/stores.js';

describeEachStore('usage ingestion', (kind) => {
  let server: TestServer;
  let team: TestTeam;

  beforeAll(async () => {
    server = await startTestServer(kind, { now: '2026-01-10T12:00:00.000Z' });
    team = await createTestTeam(server, { plan: 'basic', billingDay: 1 });
  });
  afterAll(async () => server?.close());

  const send = async (token: string, events: unknown[]) => {
    const r = await server.api.post<UsageBatchResponse>('/v1/usage/events', { events }, token);
    expect(r.status).toBe(200);
    return UsageBatchResponse.parse(r.body);
  };
  const now = () => server.clock.now().toISOString();

  it('recomputes credits from token counts with exact integers (asset writes halved, tiers multiplied)', async () => {
    const user = await addMember(server, team);
    const res = await send(user.token, [
      usageEvent({ occurredAt: now(), calls: [{ inputTokens: 1234, outputTokens: 567, assetWrite: false }] }),
      usageEvent({ occurredAt: now(), calls: [{ inputTokens: 1001, outputTokens: 3, assetWrite: true }] }),
      usageEvent({ occurredAt: now(), model: 'gpt-4o', calls: [{ inputTokens: 2000, outputTokens: 0, assetWrite: false }] }),
      usageEvent({ occurredAt: now(), model: 'a-model-nobody-lists', calls: [{ inputTokens: 2000, outputTokens: 500, assetWrite: false }] }),
    ]);
    expect(res.accepted).toHaveLength(4);
    const expected = 1234 * 500 + 567 * 2000 + (1001 * 500 + 3 * 2000) / 2 + 4 * 1_000_000 + 2 * 1_000_000;
    expect(res.entitlement.includedUsedMicro).toBe(expected);
    expect(Number.isInteger(res.entitlement.includedUsedMicro)).toBe(true);
    expect(res.entitlement.allotmentMicro).toBe(400 * M);
  });

  it('stores each event once: a replay is a duplicate and changes nothing', async () => {
    const user = await addMember(server, team);
    const events = [usageEvent({ occurredAt: now(), calls: callsCosting(3) }), usageEvent({ occurredAt: now(), seq: 2, calls: callsCosting(4) })];
    const first = await send(user.token, events);
    expect(first.accepted).toEqual(events.map((e) => e.id));
    expect(first.entitlement.includedUsedMicro).toBe(7 * M);
    for (let i = 0; i < 3; i++) {
      const again = await send(user.token, events);
      expect(again.accepted).toEqual([]);
      expect(again.duplicates).toEqual(events.map((e) => e.id));
      expect(again.entitlement.includedUsedMicro).toBe(7 * M);
    }
    // The same instant written differently is the same payload.
    const sameInstant = { ...events[0], occurredAt: events[0].occurredAt.replace('Z', '+00:00') };
    expect((await send(user.token, [sameInstant])).duplicates).toEqual([events[0].id]);
    // Within one batch, the second copy is a duplicate.
    const twice = usageEvent({ occurredAt: now(), calls: callsCosting(1) });
    const both = await send(user.token, [twice, twice]);
    expect(both.accepted).toEqual([twice.id]);
    expect(both.duplicates).toEqual([twice.id]);
    expect(both.entitlement.includedUsedMicro).toBe(8 * M);
  });

  it('rejects the same id with a different payload, and an id another user already used', async () => {
    const user = await addMember(server, team);
    const other = await addMember(server, team);
    const event = usageEvent({ occurredAt: now(), calls: callsCosting(2) });
    await send(user.token, [event]);
    const changed = await send(user.token, [{ ...event, calls: callsCosting(1) }]);
    expect(changed.rejected).toEqual([{ id: event.id, reason: 'id_reused_with_different_payload', message: expect.any(String) }]);
    expect(changed.entitlement.includedUsedMicro).toBe(2 * M);
    const stolen = await send(other.token, [event]);
    expect(stolen.rejected.map((r) => r.reason)).toEqual(['id_reused_with_different_payload']);
    expect(stolen.entitlement.includedUsedMicro).toBe(0);
  });

  it('rejects unknown rate card versions and events more than 5 minutes in the future', async () => {
    const user = await addMember(server, team);
    const t = server.clock.now().getTime();
    const unknownCard = usageEvent({ occurredAt: now(), rateCardVersion: 99 });
    const future = usageEvent({ occurredAt: new Date(t + 5 * 60_000 + 1000).toISOString() });
    const nearFuture = usageEvent({ occurredAt: new Date(t + 4 * 60_000).toISOString(), calls: callsCosting(1) });
    const res = await send(user.token, [unknownCard, future, nearFuture]);
    expect(res.rejected).toEqual([
      { id: unknownCard.id, reason: 'unknown_rate_card_version', message: expect.any(String) },
      { id: future.id, reason: 'occurred_in_future', message: expect.any(String) },
    ]);
    expect(res.accepted).toEqual([nearFuture.id]);
    expect(res.entitlement.includedUsedMicro).toBe(M);
  });

  it('burns the allotment first, then PAYG when enabled, else books unfunded overrun', async () => {
    const user = await addMember(server, team);
    // 390 credits: within the allotment.
    let res = await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(390) })]);
    expect(res.entitlement).toMatchObject({ includedUsedMicro: 390 * M, paygMicro: 0, unfundedMicro: 0, paygEnabled: false });
    // 15 more without PAYG: 10 included, 5 unfunded (kept, visible).
    res = await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(15) })]);
    expect(res.entitlement).toMatchObject({ includedUsedMicro: 400 * M, paygMicro: 0, unfundedMicro: 5 * M });
    // A billing user enables PAYG; the next 7 credits are PAYG.
    const payg = await server.api.put(`/v1/teams/${team.teamId}/members/${user.id}/payg`, { enabled: true }, team.admin.token);
    expect(payg.status).toBe(200);
    res = await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(7) })]);
    expect(res.entitlement).toMatchObject({ includedUsedMicro: 400 * M, paygMicro: 7 * M, unfundedMicro: 5 * M, paygEnabled: true, offlineAllowanceMicro: 25 * M });
    // Switched off again: back to unfunded.
    await server.api.put(`/v1/teams/${team.teamId}/members/${user.id}/payg`, { enabled: false }, team.admin.token);
    res = await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(1) })]);
    expect(res.entitlement).toMatchObject({ paygMicro: 7 * M, unfundedMicro: 6 * M, paygEnabled: false });
  });

  it('raises alerts at 75%, 100% and PAYG start, and tells admins and billing users about 75% and PAYG', async () => {
    const user = await addMember(server, team, ['member'], 'Grace');
    const billing = await addMember(server, team, ['billing']);
    const plain = await addMember(server, team, ['member']);
    await server.api.put(`/v1/teams/${team.teamId}/members/${user.id}/payg`, { enabled: true }, billing.token);
    await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(299) })]);
    const none = NotificationList.parse((await server.api.get('/v1/me/notifications', user.token)).body);
    expect(none.notifications).toEqual([]);
    await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(1) })]); // 300 = 75%
    await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(101) })]); // 100% and PAYG
    await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(50) })]); // nothing new
    const mine = NotificationList.parse((await server.api.get('/v1/me/notifications', user.token)).body).notifications;
    expect(mine.map((n) => n.kind).sort()).toEqual(['credits_100', 'credits_75', 'payg_started']);
    expect(mine.every((n) => n.aboutSelf && n.subject.id === user.id && n.readAt === null)).toBe(true);
    for (const watcher of [team.admin.token, billing.token]) {
      const theirs = NotificationList.parse((await server.api.get('/v1/me/notifications', watcher)).body).notifications.filter((n) => n.subject.id === user.id);
      expect(theirs.map((n) => n.kind).sort()).toEqual(['credits_75', 'payg_started']);
      expect(theirs[0].message).toContain('Grace');
      expect(theirs.every((n) => !n.aboutSelf)).toBe(true);
    }
    const plainOnes = NotificationList.parse((await server.api.get('/v1/me/notifications', plain.token)).body).notifications;
    expect(plainOnes).toEqual([]);
    // Marking read.
    const marked = await server.api.post<{ marked: number }>('/v1/me/notifications/read', { ids: mine.map((n) => n.id) }, user.token);
    expect(marked.body.marked).toBe(3);
    const after = NotificationList.parse((await server.api.get('/v1/me/notifications', user.token)).body).notifications;
    expect(after.every((n) => n.readAt !== null)).toBe(true);
  });

  it('refuses bad input with a 400 problem and changes nothing', async () => {
    const user = await addMember(server, team);
    const good = usageEvent({ occurredAt: now(), calls: callsCosting(1) });
    const cases: { name: string; body?: unknown; raw?: string }[] = [
      { name: 'malformed JSON', raw: '{"events": [' },
      { name: 'wrong types', body: { events: [{ ...good, seq: 'one' }] } },
      { name: 'negative tokens', body: { events: [good, { ...usageEvent(), calls: [{ inputTokens: -5, outputTokens: 0, assetWrite: false }] }] } },
      { name: 'unknown fields', body: { events: [{ ...good, creditsMicro: 1 }] } },
      { name: 'unknown top-level fields', body: { events: [good], userId: 'x' } },
      { name: 'oversize batch', body: { events: Array.from({ length: 1001 }, () => usageEvent({ occurredAt: now() })) } },
      { name: 'no events array', body: {} },
    ];
    for (const c of cases) {
      const r = await server.api.request('POST', '/v1/usage/events', c.body, { token: user.token, rawBody: c.raw });
      expect(r.status, c.name).toBe(400);
      expect(r.contentType, c.name).toContain('application/problem+json');
      expect(r.body, c.name).toMatchObject({ status: 400, type: expect.any(String), title: expect.any(String) });
    }
    const ent = Entitlement.parse((await server.api.get('/v1/me/entitlement', user.token)).body);
    expect(ent.includedUsedMicro).toBe(0);
    // The good event was not stored by the failed batches: it is accepted now.
    expect((await send(user.token, [good])).accepted).toEqual([good.id]);
  });

  it('accepts a full batch of 1,000 events', async () => {
    const user = await addMember(server, team);
    const events = Array.from({ length: 1000 }, (_, i) => usageEvent({ occurredAt: now(), seq: i, calls: [{ inputTokens: 1, outputTokens: 1, assetWrite: i % 2 === 0 }] }));
    const res = await send(user.token, events);
    expect(res.accepted).toHaveLength(1000);
    expect(res.entitlement.includedUsedMicro).toBe(500 * 2500 + 500 * 1250);
  });

  it('takes the largest valid batch and caps one user\'s cycle at 100 million credits', async () => {
    const user = await addMember(server, team);
    const call = { inputTokens: MAX_TOKENS_PER_CALL, outputTokens: MAX_TOKENS_PER_CALL, assetWrite: false };
    const events = Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, i) =>
      usageEvent({ occurredAt: now(), seq: i, model: 'gpt-4o', calls: Array.from({ length: MAX_CALLS_PER_EVENT }, () => call) }),
    );
    expect(JSON.stringify({ events }).length).toBeLessThan(BODY_LIMIT_BYTES);
    const res = await send(user.token, events); // each event: 100 × 5,000,000,000 × 4 = 2e12 µcredits
    expect(res.accepted).toHaveLength(50);
    expect(res.rejected).toHaveLength(950);
    expect(new Set(res.rejected.map((r) => r.reason))).toEqual(new Set(['cycle_limit_exceeded']));
    expect(res.entitlement.includedUsedMicro + res.entitlement.unfundedMicro).toBe(MAX_CYCLE_MICRO_PER_USER);
  });

  it('never double-counts or loses credits when batches race for the last credits', async () => {
    const user = await addMember(server, team);
    await send(user.token, [usageEvent({ occurredAt: now(), calls: callsCosting(395) })]);
    // 5 credits left; 8 batches of 3 events × 1 credit race for them, each batch twice.
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 3 }, (_, i) => usageEvent({ occurredAt: now(), seq: b * 10 + i, calls: callsCosting(1) })));
    const results = await Promise.all([...batches, ...batches].map((events) => send(user.token, events)));
    const accepted = results.flatMap((r) => r.accepted);
    expect(new Set(accepted).size).toBe(24);
    expect(accepted).toHaveLength(24);
    expect(results.flatMap((r) => r.duplicates)).toHaveLength(24);
    const ent = Entitlement.parse((await server.api.get('/v1/me/entitlement', user.token)).body);
    expect(ent.includedUsedMicro).toBe(400 * M);
    expect(ent.unfundedMicro).toBe(19 * M);
    // The per-event bookings add up to the totals exactly.
    const rows = await server.store.db.selectFrom('usage_events').select(['included_micro', 'unfunded_micro', 'payg_micro', 'credits_micro']).where('user_id', '=', user.id).execute();
    const sum = (k: 'included_micro' | 'unfunded_micro' | 'payg_micro' | 'credits_micro') => rows.reduce((s, r) => s + Number(r[k]), 0);
    expect(sum('included_micro')).toBe(400 * M);
    expect(sum('unfunded_micro')).toBe(19 * M);
    expect(sum('credits_micro')).toBe(419 * M);
  });
});
