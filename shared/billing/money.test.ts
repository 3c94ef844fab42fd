import { describe, expect, it } from 'vitest';
import { creditsAmount, divideHalfEven, divideHalfEvenInt, formatCredits, formatDecimal, formatMoneyMinor, formatPrice, lineAmount, parseDecimal } from './money.js';

describe('divideHalfEven', () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [9n, 2n, 4n],
    [11n, 2n, 6n],
    [25n, 10n, 2n],
    [35n, 10n, 4n],
    [26n, 10n, 3n],
    [24n, 10n, 2n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [0n, 3n, 0n],
  ])('%d / %d = %d', (n, d, q) => expect(divideHalfEven(n, d)).toBe(q));

  it('works on safe integers and refuses unsafe ones', () => {
    expect(divideHalfEvenInt(2500, 2)).toBe(1250);
    expect(divideHalfEvenInt(3, 2)).toBe(2);
    expect(() => divideHalfEvenInt(0.5, 2)).toThrow();
    expect(() => divideHalfEven(1n, 0n)).toThrow();
  });
});

describe('exact decimals', () => {
  it('parses and formats without floating point', () => {
    expect(parseDecimal('0.035')).toEqual({ units: 35n, scale: 3 });
    expect(parseDecimal('14')).toEqual({ units: 14n, scale: 0 });
    expect(() => parseDecimal('1e3')).toThrow();
    expect(() => parseDecimal('-1')).toThrow();
    expect(() => parseDecimal('.5')).toThrow();
    expect(formatDecimal(4320500n, 3)).toBe('4320.5');
    expect(formatDecimal(5n, 3)).toBe('0.005');
    expect(formatDecimal(1400n, 2, 2)).toBe('14.00');
    expect(formatPrice('14')).toBe('14.00');
    expect(formatPrice('0.035')).toBe('0.035');
    expect(formatMoneyMinor(1235)).toBe('$12.35');
  });

  it('formats micro-credits as credits', () => {
    expect(formatCredits(400_000_000)).toBe('400');
    expect(formatCredits(12_500_000)).toBe('12.5');
    expect(formatCredits(1)).toBe('0.000001');
  });
});

describe('amounts', () => {
  it('seat lines: quantity × price, exact', () => {
    expect(lineAmount(3, '14')).toEqual({ amountMinor: 4200, exactMinor: '4200' });
    expect(lineAmount(0, '49')).toEqual({ amountMinor: 0, exactMinor: '0' });
  });

  it('credit usage: micro-credits × price per credit, rounded half to even at the line', () => {
    // 1,234.5 credits × $0.035 = $43.2075 = 4320.75 cents → 4321
    expect(creditsAmount(1_234_500_000, '0.035')).toEqual({ amountMinor: 4321, exactMinor: '4320.75' });
    // 100 credits × $0.025 = 250 cents exactly
    expect(creditsAmount(100_000_000, '0.025')).toEqual({ amountMinor: 250, exactMinor: '250' });
    // 0.5 cent ties go to even: 1 credit × $0.005 = 0.5 cents → 0; 3 credits → 1.5 → 2
    expect(creditsAmount(1_000_000, '0.005')).toEqual({ amountMinor: 0, exactMinor: '0.5' });
    expect(creditsAmount(3_000_000, '0.005')).toEqual({ amountMinor: 2, exactMinor: '1.5' });
    expect(creditsAmount(5_000_000, '0.005')).toEqual({ amountMinor: 2, exactMinor: '2.5' });
    // 1 micro-credit at $0.04 = 0.000004 cents
    expect(creditsAmount(1, '0.04')).toEqual({ amountMinor: 0, exactMinor: '0.000004' });
  });

  it('stays exact far beyond floating point precision', () => {
    // 9,007,199,254.740991 credits × $0.03
    const a = creditsAmount(Number.MAX_SAFE_INTEGER, '0.03');
    expect(a.exactMinor).toBe('27021597764.222973');
    expect(a.amountMinor).toBe(27021597764);
  });
});
