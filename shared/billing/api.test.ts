import { describe, expect, it } from 'vitest';
import { Entitlement, MAX_EVENTS_PER_BATCH, UsageBatchRequest, UsageEvent } from './api.js';
import { RATE_CARD_V1 } from './rate-card.js';

const event = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  deviceId: 'dev-1',
  seq: 1,
  occurredAt: '2026-01-05T10:00:00.000Z',
  kind: 'agent.turn',
  model: 'gpt-4o-mini',
  rateCardVersion: 1,
  calls: [{ inputTokens: 10, outputTokens: 5, assetWrite: false }],
};

describe('billing API schemas', () => {
  it('accepts a well-formed usage event and batch', () => {
    expect(UsageEvent.parse(event)).toEqual(event);
    expect(UsageBatchRequest.safeParse({ events: [event] }).success).toBe(true);
    expect(UsageEvent.safeParse({ ...event, occurredAt: '2026-01-05T10:00:00+02:00' }).success).toBe(true);
  });

  it.each([
    ['negative tokens', { ...event, calls: [{ inputTokens: -1, outputTokens: 0, assetWrite: false }] }],
    ['fractional tokens', { ...event, calls: [{ inputTokens: 1.5, outputTokens: 0, assetWrite: false }] }],
    ['unknown fields', { ...event, credits: 5 }],
    ['unknown call fields', { ...event, calls: [{ inputTokens: 1, outputTokens: 0, assetWrite: false, costMicro: 1 }] }],
    ['a bad id', { ...event, id: 'not-a-uuid' }],
    ['a bad kind', { ...event, kind: 'chat' }],
    ['a bad instant', { ...event, occurredAt: 'yesterday' }],
    ['a string seq', { ...event, seq: '1' }],
  ])('rejects %s', (_name, bad) => {
    expect(UsageEvent.safeParse(bad).success).toBe(false);
  });

  it('caps a batch at 1,000 events and refuses unknown top-level fields', () => {
    const many = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event);
    expect(UsageBatchRequest.safeParse({ events: many }).success).toBe(false);
    expect(UsageBatchRequest.safeParse({ events: many.slice(1) }).success).toBe(true);
    expect(UsageBatchRequest.safeParse({ events: [], extra: 1 }).success).toBe(false);
  });

  it('describes the entitlement snapshot with integer micro-credits', () => {
    const snap = {
      user: { id: 'u', email: 'a@b.c', name: 'A' },
      team: { id: 't', name: 'T', plan: 'basic', aiAddon: false },
      roles: ['member'],
      cycle: { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' },
      ai: { enabled: true, reason: null, changeableBy: null, message: null },
      allotmentMicro: 400_000_000,
      includedUsedMicro: 0,
      paygEnabled: false,
      paygMicro: 0,
      unfundedMicro: 0,
      offlineAllowanceMicro: 0,
      rateCard: RATE_CARD_V1,
      issuedAt: '2026-01-02T00:00:00.000Z',
    };
    expect(Entitlement.safeParse(snap).success).toBe(true);
    expect(Entitlement.safeParse({ ...snap, includedUsedMicro: 1.5 }).success).toBe(false);
  });
});
