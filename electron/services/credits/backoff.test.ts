import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const options = (r: number) => ({ baseMs: 100, capMs: 5_000, random: () => r });

  it('grows exponentially with full jitter between the base and the ceiling', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, options(1)))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, options(0)))).toEqual([100, 100, 100, 100]);
    expect(backoffDelay(2, options(0.5))).toBe(250);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(50, options(1))).toBe(5_000);
    expect(backoffDelay(5_000, options(0.999))).toBeLessThanOrEqual(5_000);
  });
});
