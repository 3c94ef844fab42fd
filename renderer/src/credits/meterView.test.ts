import { describe, expect, it } from 'vitest';
import { canSeeCreditDetails, meterView, offlineAllowanceLeft } from './meterView';
import { testMeter } from './testMeter';

describe('meterView', () => {
  it('shows credits left of the allotment, the bar share and the sync state', () => {
    const v = meterView(testMeter({ remainingMicro: 399_100_000 }))!;
    expect(v.remaining).toBe('399.1');
    expect(v.allotment).toBe('400');
    expect(v.percentLeft).toBe(99);
    expect(v.tone).toBe('ok');
    expect(v.stateLabel).toBe('Synced');
    expect(v.payg).toBe(false);
  });
  it('says offline with the queued count and the error in the title', () => {
    const v = meterView(testMeter({ state: 'offline', queuedEvents: 3, remainingMicro: 90_000_000, lastError: 'connect ECONNREFUSED' }))!;
    expect(v.stateLabel).toBe('Offline · 3 queued');
    expect(v.tone).toBe('low');
    expect(v.title).toContain('connect ECONNREFUSED');
  });
  it('is out at zero and carries the PAYG badge when enabled', () => {
    const v = meterView(testMeter({ remainingMicro: 0 }, { paygEnabled: true }))!;
    expect(v.tone).toBe('out');
    expect(v.payg).toBe(true);
    expect(v.title).toContain('pay-as-you-go is on');
  });
  it('shows nothing before the first snapshot', () => {
    expect(meterView(testMeter({ snapshot: null }))).toBeNull();
  });
  it('lets billing users and admins open AI Credit Details, not members', () => {
    expect(canSeeCreditDetails(testMeter())).toBe(false);
    expect(canSeeCreditDetails(testMeter({}, { roles: ['billing'] }))).toBe(true);
    expect(canSeeCreditDetails(testMeter({}, { roles: ['admin', 'member'] }))).toBe(true);
    expect(canSeeCreditDetails(null)).toBe(false);
  });
});

describe('offlineAllowanceLeft', () => {
  const payg = { paygEnabled: true, includedUsedMicro: 400_000_000, offlineAllowanceMicro: 25_000_000 };
  it('counts queued PAYG spend against the offline allowance', () => {
    expect(offlineAllowanceLeft(testMeter({ queuedMicro: 16_000_000 }, payg))).toBe(9_000_000);
    expect(offlineAllowanceLeft(testMeter({ queuedMicro: 30_000_000 }, payg))).toBe(0);
  });
  it('does not apply while included credits cover the queue, nothing is queued or PAYG is off', () => {
    expect(offlineAllowanceLeft(testMeter({ queuedMicro: 10_000_000 }, { ...payg, includedUsedMicro: 100_000_000 }))).toBeNull();
    expect(offlineAllowanceLeft(testMeter({ queuedMicro: 0 }, payg))).toBeNull();
    expect(offlineAllowanceLeft(testMeter({ queuedMicro: 16_000_000 }, { ...payg, paygEnabled: false }))).toBeNull();
  });
});
