// An entitlement snapshot for unit tests (the wire shape of DESIGN §6), Basic plan by default; the
// credits service's tests and the credits UI's tests both start from it.
import type { Entitlement } from './api.js';
import { RATE_CARD_V1 } from './rate-card.js';

export const M = 1_000_000;

export function entitlement(overrides: Partial<Entitlement> = {}): Entitlement {
  return {
    user: { id: 'u-mia', email: 'mia@acme.test', name: 'Mia' },
    team: { id: 't-acme', name: 'Acme', plan: 'basic', aiAddon: false },
    roles: ['member'],
    cycle: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
    ai: { enabled: true, reason: null, changeableBy: null, message: null },
    allotmentMicro: 400 * M,
    includedUsedMicro: 0,
    paygEnabled: false,
    paygMicro: 0,
    unfundedMicro: 0,
    offlineAllowanceMicro: 0,
    rateCard: { ...RATE_CARD_V1, tiers: RATE_CARD_V1.tiers.map((t) => ({ ...t, models: [...t.models] })) },
    issuedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}
