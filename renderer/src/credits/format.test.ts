import { describe, expect, it } from 'vitest';
import { formatCreditsExact, formatCreditsShort, formatExactMoney, formatMoney, formatUnitPrice, percentOf } from './format';

describe('formatCreditsShort', () => {
  it('writes whole credits without decimals and groups thousands', () => {
    expect(formatCreditsShort(400_000_000)).toBe('400');
    expect(formatCreditsShort(1_234_500_000)).toBe('1,234.5');
    expect(formatCreditsShort(0)).toBe('0');
  });
  it('keeps two decimals at most, rounding down by default and up when asked', () => {
    expect(formatCreditsShort(399_105_000)).toBe('399.1');
    expect(formatCreditsShort(399_109_999)).toBe('399.1');
    expect(formatCreditsShort(399_109_999, 'up')).toBe('399.11');
    expect(formatCreditsShort(900_000)).toBe('0.9');
  });
  it('shows a tiny non-zero amount as <0.01 instead of 0', () => {
    expect(formatCreditsShort(1)).toBe('<0.01');
    expect(formatCreditsShort(1, 'up')).toBe('0.01');
  });
  it('refuses a non-integer', () => {
    expect(() => formatCreditsShort(0.5)).toThrow(/safe integer/);
  });
  it('exact credits keep every decimal', () => {
    expect(formatCreditsExact(12_000_001)).toBe('12.000001');
    expect(formatCreditsExact(1_000_450_000)).toBe('1,000.45');
    expect(formatCreditsExact(-450_000)).toBe('-0.45');
  });
});

describe('money', () => {
  it('formats minor units with the currency', () => {
    expect(formatMoney(1235, 'USD')).toBe('$12.35');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(1235, 'EUR')).toBe('12.35 EUR');
  });
  it('writes exact unrounded minor units with every decimal', () => {
    expect(formatExactMoney('4320.5', 'USD')).toBe('$43.205');
    expect(formatExactMoney('7', 'USD')).toBe('$0.07');
    expect(formatExactMoney('0.0035', 'USD')).toBe('$0.000035');
  });
  it('writes unit prices with at least two decimals', () => {
    expect(formatUnitPrice('0.035', 'USD')).toBe('$0.035');
    expect(formatUnitPrice('14', 'USD')).toBe('$14.00');
  });
});

describe('percentOf', () => {
  it('floors and clamps', () => {
    expect(percentOf(299_999_999, 400_000_000)).toBe(74);
    expect(percentOf(300_000_000, 400_000_000)).toBe(75);
    expect(percentOf(500, 400)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});
