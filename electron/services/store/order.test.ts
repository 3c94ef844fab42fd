import { describe, expect, it } from 'vitest';
import { renumbered, SORT_SPACING, sortKeyAt } from './order.js';

describe('sortKeyAt', () => {
  it('puts a node first, last, alone or between its neighbours', () => {
    expect(sortKeyAt([], 0)).toBe(SORT_SPACING);
    expect(sortKeyAt([10, 20], 0)).toBe(10 - SORT_SPACING);
    expect(sortKeyAt([10, 20], 2)).toBe(20 + SORT_SPACING);
    expect(sortKeyAt([10, 20], 1)).toBe(15);
    expect(sortKeyAt([10, 20], 99)).toBe(20 + SORT_SPACING);
    expect(sortKeyAt([10, 20], -3)).toBe(10 - SORT_SPACING);
  });

  it('asks for a renumbering when neighbours share a key or leave no room', () => {
    expect(sortKeyAt([5, 5], 1)).toBeNull();
    expect(sortKeyAt([1, 1 + Number.EPSILON], 1)).toBeNull();
    let next = 2;
    let drops = 0;
    for (;;) {
      const key = sortKeyAt([1, next], 1);
      if (key === null) break;
      next = key;
      drops++;
    }
    expect(drops).toBeGreaterThan(40);
    const fresh = renumbered(3);
    expect(fresh).toEqual([SORT_SPACING, 2 * SORT_SPACING, 3 * SORT_SPACING]);
    expect(sortKeyAt(fresh, 1)).toBe(1.5 * SORT_SPACING);
  });
});
