import { describe, expect, it } from 'vitest';
import type { CreditMeter } from '../../../shared/contract-credits.js';
import { alertLevel, crossedAlerts } from './alerts.js';
import { entitlement, M } from '../../../shared/billing/entitlement.fixture.js';
import { buildMeter } from './meter-view.js';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const meter = (usedMicro: number, queuedMicro = 0, over: Parameters<typeof entitlement>[0] = {}): CreditMeter =>
  buildMeter({
    snapshot: entitlement({ includedUsedMicro: usedMicro, ...over }),
    queued: { events: queuedMicro > 0 ? 1 : 0, micro: queuedMicro },
    status: { state: 'synced' },
    rejected: [],
    server: { url: null, embedded: true, signedIn: false },
    now: NOW,
  });

function alertsBetween(a: CreditMeter, b: CreditMeter) {
  return crossedAlerts(alertLevel(a), alertLevel(b), b).map((x) => x.kind);
}

describe('credit alerts', () => {
  it('raises 75% and 100% once when the meter crosses them, counting queued usage', () => {
    expect(alertsBetween(meter(200 * M), meter(200 * M, 100 * M))).toEqual(['credits_75']);
    expect(alertsBetween(meter(300 * M), meter(350 * M))).toEqual([]);
    expect(alertsBetween(meter(350 * M), meter(400 * M))).toEqual(['credits_100']);
    expect(alertsBetween(meter(10 * M), meter(400 * M))).toEqual(['credits_100']);
    expect(crossedAlerts(alertLevel(meter(350 * M)), alertLevel(meter(400 * M)), meter(400 * M))[0].message).toBe(
      'You have used all 400 of your monthly credits.',
    );
  });

  it('raises pay-as-you-go started when a PAYG member goes past the allotment', () => {
    const payg = { paygEnabled: true, offlineAllowanceMicro: 25 * M };
    expect(alertsBetween(meter(400 * M, 0, payg), meter(400 * M, 1 * M, payg))).toEqual(['payg_started']);
    expect(alertsBetween(meter(400 * M, 0, { ...payg, paygMicro: 1 }), meter(400 * M, 0, { ...payg, paygMicro: 2 }))).toEqual([]);
  });

  it('stays quiet on the first meter and when a new cycle starts', () => {
    expect(crossedAlerts(undefined, alertLevel(meter(400 * M)), meter(400 * M))).toEqual([]);
    const next = meter(400 * M, 0, { cycle: { start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' } });
    expect(alertsBetween(meter(0), next)).toEqual([]);
  });
});
