import { describe, expect, it } from 'vitest';
import { decideAction, type DecisionSnapshot } from './decide-action.js';

const M = 1_000_000;

function snapshot(over: Partial<DecisionSnapshot> = {}): DecisionSnapshot {
  return {
    team: { id: 't', name: 'Team', plan: 'basic', aiAddon: false },
    roles: ['member'],
    cycle: { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' },
    ai: { enabled: true, reason: null, changeableBy: null, message: null },
    allotmentMicro: 400 * M,
    includedUsedMicro: 0,
    paygEnabled: false,
    offlineAllowanceMicro: 0,
    ...over,
  };
}

describe('decideAction', () => {
  it('allows an action while included credits are left, counting what is queued', () => {
    expect(decideAction(snapshot({ includedUsedMicro: 100 * M }))).toEqual({ allowed: true, funding: 'included', remainingIncludedMicro: 300 * M });
    expect(decideAction(snapshot({ includedUsedMicro: 100 * M }), 299 * M)).toMatchObject({ allowed: true, remainingIncludedMicro: M });
    expect(decideAction(snapshot({ includedUsedMicro: 100 * M }), 300 * M)).toMatchObject({ allowed: false, reason: 'allotment_used' });
  });

  it('refuses when the allotment is used and says who can turn on pay-as-you-go', () => {
    const d = decideAction(snapshot({ includedUsedMicro: 400 * M }));
    expect(d).toEqual({
      allowed: false,
      reason: 'allotment_used',
      changeableBy: 'billing',
      message:
        'Your 400 monthly credits are used. A billing user can turn on pay-as-you-go for you in Team Settings → Resource Usage → AI Credit Details.',
    });
    const self = decideAction(snapshot({ includedUsedMicro: 400 * M, roles: ['billing'] }));
    expect(self).toMatchObject({ allowed: false, message: expect.stringContaining('You can turn on pay-as-you-go for yourself') });
  });

  it('on Free without the add-on there is no pay-as-you-go', () => {
    const d = decideAction(snapshot({ team: { id: 't', name: 'T', plan: 'free', aiAddon: false }, allotmentMicro: 50 * M, includedUsedMicro: 50 * M, paygEnabled: true }));
    expect(d).toMatchObject({ allowed: false, reason: 'allotment_used', changeableBy: 'billing' });
    if (!d.allowed) expect(d.message).toMatch(/^Your 50 monthly credits are used\. Pay-as-you-go is not available on the Free plan/);
  });

  it('lets pay-as-you-go members go on, within the offline allowance for queued usage', () => {
    const payg = snapshot({ includedUsedMicro: 400 * M, paygEnabled: true, offlineAllowanceMicro: 25 * M });
    expect(decideAction(payg)).toEqual({ allowed: true, funding: 'payg', remainingIncludedMicro: 0 });
    expect(decideAction(payg, 24 * M)).toMatchObject({ allowed: true, funding: 'payg' });
    expect(decideAction(payg, 25 * M)).toMatchObject({ allowed: false, reason: 'offline_allowance_used', changeableBy: 'self' });
  });

  it('refuses when AI is off: the team switch (admin) or the user switch (self)', () => {
    const team = decideAction(snapshot({ ai: { enabled: false, reason: 'team_ai_off', changeableBy: 'admin', message: null } }));
    expect(team).toMatchObject({ allowed: false, reason: 'team_ai_off', changeableBy: 'admin', message: expect.stringContaining('An admin can turn it on') });
    const admin = decideAction(snapshot({ roles: ['admin'], ai: { enabled: false, reason: 'team_ai_off', changeableBy: 'admin', message: null } }));
    expect(admin).toMatchObject({ message: expect.stringContaining('You can turn it on in Team Settings → AI') });
    const user = decideAction(snapshot({ ai: { enabled: false, reason: 'user_ai_off', changeableBy: 'self', message: null } }));
    expect(user).toMatchObject({ allowed: false, reason: 'user_ai_off', changeableBy: 'self', message: expect.stringContaining('Settings → AI') });
  });

  it('treats the allotment as renewed once the cached cycle has ended', () => {
    const used = snapshot({ includedUsedMicro: 400 * M });
    expect(decideAction(used, 0, '2026-01-31T23:59:59Z').allowed).toBe(false);
    expect(decideAction(used, 0, '2026-02-01T00:00:00Z')).toMatchObject({ allowed: true, remainingIncludedMicro: 400 * M });
  });
});
