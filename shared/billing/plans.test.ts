import { describe, expect, it } from 'vitest';
import { isPlanId, planTerms } from './plans.js';

describe('plan catalog', () => {
  it.each([
    ['free', false, 50, null],
    ['free', true, 400, '0.04'],
    ['basic', false, 400, '0.035'],
    ['professional', false, 400, '0.03'],
    ['enterprise', false, 1000, '0.025'],
  ] as const)('%s (add-on %s): %d credits, PAYG %s', (plan, addon, credits, price) => {
    const t = planTerms(plan, addon);
    expect(t.allotmentMicro).toBe(credits * 1_000_000);
    expect(t.paygPricePerCredit).toBe(price);
    expect(t.paygAvailable).toBe(price !== null);
  });

  it('sells the AI add-on only with Free', () => {
    expect(planTerms('free', true).aiAddonSeatPrice).toBe('9');
    expect(planTerms('free', true).planName).toBe('Free + AI add-on');
    expect(() => planTerms('basic', true)).toThrow(/not sold/);
  });

  it('knows its ids', () => {
    expect(isPlanId('professional')).toBe(true);
    expect(isPlanId('gold')).toBe(false);
  });
});
