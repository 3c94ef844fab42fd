import { describe, expect, it } from 'vitest';
import { layoutChart, niceCeiling } from './chart';

const C = 1_000_000;

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 × 10^n credits', () => {
    expect(niceCeiling(0)).toBe(1 * C);
    expect(niceCeiling(0.9 * C)).toBe(1 * C);
    expect(niceCeiling(1.2 * C)).toBe(2 * C);
    expect(niceCeiling(37 * C)).toBe(50 * C);
    expect(niceCeiling(50 * C)).toBe(50 * C);
    expect(niceCeiling(501 * C)).toBe(1000 * C);
  });
});

describe('layoutChart', () => {
  it('scales bars to the nice maximum, bottom-aligned', () => {
    const layout = layoutChart(
      [
        { date: '2026-11-01', creditsUsedMicro: 0 },
        { date: '2026-11-02', creditsUsedMicro: 25 * C },
        { date: '2026-11-03', creditsUsedMicro: 40 * C },
      ],
      300,
      100,
    );
    expect(layout.maxMicro).toBe(50 * C);
    expect(layout.bars.map((b) => b.height)).toEqual([0, 50, 80]);
    expect(layout.bars[2].y).toBe(20);
    expect(layout.bars[1].x).toBeCloseTo(102);
    expect(layout.bars[1].label).toBe('2026-11-02: 25 credits');
    expect(layout.ticks.map((t) => t.label)).toEqual(['0', '12.5', '25', '37.5', '50']);
    expect(layout.ticks[4].y).toBe(0);
  });
  it('keeps a tiny day visible and copes with no days', () => {
    const layout = layoutChart([{ date: 'd', creditsUsedMicro: 1 }, { date: 'e', creditsUsedMicro: 100 * C }], 100, 100);
    expect(layout.bars[0].height).toBe(1);
    expect(layoutChart([], 100, 100).bars).toEqual([]);
  });
});
