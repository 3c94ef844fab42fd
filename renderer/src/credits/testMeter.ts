// A CreditMeter for the unit tests of the credits UI (a member on Free + AI add-on, 400 credits).
import { entitlement } from '../../../shared/billing/entitlement.fixture';
import type { CreditMeter } from '../../../shared/contract-credits';

export function testMeter(over: Partial<CreditMeter> = {}, snapshot: Partial<NonNullable<CreditMeter['snapshot']>> = {}): CreditMeter {
  return {
    snapshot: entitlement({
      team: { id: 't-1', name: 'Acme', plan: 'free', aiAddon: true },
      offlineAllowanceMicro: 20_000_000,
      issuedAt: '2026-11-24T00:00:00.000Z',
      ...snapshot,
    }),
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
