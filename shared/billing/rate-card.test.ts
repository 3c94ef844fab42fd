import { describe, expect, it } from 'vitest';
import { actionCostMicro, callCostMicro, CURRENT_RATE_CARD, RATE_CARD_V1, rateCardByVersion, tierFor, type RateCard } from './rate-card.js';

describe('default rate card', () => {
  it('is version 1 and current', () => {
    expect(CURRENT_RATE_CARD).toBe(RATE_CARD_V1);
    expect(rateCardByVersion(1)).toBe(RATE_CARD_V1);
    expect(rateCardByVersion(99)).toBeUndefined();
  });

  it.each([
    // inputTokens, outputTokens, assetWrite, micro-credits
    [2000, 0, false, 1_000_000], // 1 credit per 2,000 input tokens
    [0, 500, false, 1_000_000], // 1 credit per 500 output tokens
    [1, 0, false, 500],
    [0, 1, false, 2000],
    [1234, 567, false, 1234 * 500 + 567 * 2000],
    [2000, 500, true, 1_000_000], // halved for an asset write
    [1, 0, true, 250],
    [0, 0, false, 0],
    [2_000_000, 2_000_000, false, 5_000_000_000],
  ])('%d in + %d out (asset write %s) = %d µcredits', (inputTokens, outputTokens, assetWrite, micro) => {
    expect(callCostMicro(RATE_CARD_V1, 'gpt-4o-mini', { inputTokens, outputTokens, assetWrite })).toBe(micro);
  });

  it('multiplies for larger tiers and bills unknown models at the default tier', () => {
    expect(tierFor(RATE_CARD_V1, 'some-local-llama').name).toBe('standard');
    expect(tierFor(RATE_CARD_V1, 'gpt-4o').name).toBe('large');
    expect(tierFor(RATE_CARD_V1, 'claude-opus-4').name).toBe('large');
    expect(tierFor(RATE_CARD_V1, 'gpt-4o-mini').name).toBe('standard');
    expect(callCostMicro(RATE_CARD_V1, 'gpt-4o', { inputTokens: 2000, outputTokens: 0, assetWrite: false })).toBe(4_000_000);
    expect(callCostMicro(RATE_CARD_V1, 'gpt-4o', { inputTokens: 1, outputTokens: 0, assetWrite: true })).toBe(1000);
  });

  it('sums an action and rounds each call half to even', () => {
    const odd: RateCard = { ...RATE_CARD_V1, version: 2, inputMicroPerToken: 3, outputMicroPerToken: 5 };
    // 1 input token = 3 µ, halved = 1.5 → 2 (even); 1 output = 5 → 2.5 → 2 (even); 3 in = 9 → 4.5 → 4
    expect(callCostMicro(odd, 'm', { inputTokens: 1, outputTokens: 0, assetWrite: true })).toBe(2);
    expect(callCostMicro(odd, 'm', { inputTokens: 0, outputTokens: 1, assetWrite: true })).toBe(2);
    expect(callCostMicro(odd, 'm', { inputTokens: 3, outputTokens: 0, assetWrite: true })).toBe(4);
    expect(callCostMicro(odd, 'm', { inputTokens: 0, outputTokens: 7, assetWrite: true })).toBe(18); // 35/2 = 17.5 → 18
    expect(
      actionCostMicro(RATE_CARD_V1, 'x', [
        { inputTokens: 1000, outputTokens: 100, assetWrite: false },
        { inputTokens: 3000, outputTokens: 300, assetWrite: true },
      ]),
    ).toBe(1000 * 500 + 100 * 2000 + (3000 * 500 + 300 * 2000) / 2);
    expect(actionCostMicro(RATE_CARD_V1, 'x', [])).toBe(0);
  });
});
