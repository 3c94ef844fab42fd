import { describe, expect, it } from 'vitest';
import { planLabel, planSummary } from './planLabels';

describe('plan labels', () => {
  it('names the plan and the add-on only where it is sold', () => {
    expect(planLabel('free', true)).toBe('Free + AI add-on');
    expect(planLabel('free', false)).toBe('Free');
    expect(planLabel('basic', true)).toBe('Basic');
  });
  it('summarises the allotment and the PAYG price', () => {
    expect(planSummary('free', false)).toBe('50 credits/user per cycle, no pay-as-you-go');
    expect(planSummary('free', true)).toBe('400 credits/user per cycle, pay-as-you-go $0.04/credit');
    expect(planSummary('enterprise', false)).toBe('1000 credits/user per cycle, pay-as-you-go $0.025/credit');
  });
});
