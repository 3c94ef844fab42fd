// A CreditMeter for the unit tests of the credits UI (a member on Free + AI add-on, 400 credits).
import { RATE_CARD_V1 } from '../../../shared/billing/rate-card';
import type { CreditMeter } from '../../../shared/contract-credits';

export function testMeter(over: Partial<CreditMeter> = {}, snapshot: Partial<NonNullable<CreditMeter['snapshot']>> = {}): CreditMeter {
  return {
    snapshot: {
      user: { id: 'u-mia', email: 'mia@acme.test', name: 'Mia' },
      team: { id: 't-1', name: 'Acme', plan: 'free', aiAddon: true },
      roles: ['member'],
      cycle: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      ai: { enabled: true, reason: null, changeableBy: null, message: null },
      allotmentMicro: 400_000_000,
      includedUsedMicro: 0,
      paygEnabled: false,
      paygMicro: 0,
      unfundedMicro: 0,
      offlineAllowanceMicro: 20_000_000,
      rateCard: { ...RATE_CARD_V1, tiers: RATE_CARD_V1.tiers.map((t) => ({ ...t, models: [...t.models] })) },
      issuedAt: '2026-11-24T00:00:00.000Z',
      ...snapshot,
    },
    queuedMicro: 0,
    queuedEvents: 0,
    remainingMicro: 400_000_000,
    decision: { allowed: true, funding: 'included' },
    state: 'synced',
    rejected: [],
    server: { url: 'http://127.0.0.1:4080', embedded: false, signedIn: true, email: 'mia@acme.test' },
    ...over,
  };
}
