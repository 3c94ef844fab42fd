// The Tests tab's counts and filter: skipped tests are neither passed nor failed, and not in "2/3".
import { describe, expect, it } from 'vitest';
import { countTests, filterTests } from './testCounts';

const tests = [
  { name: 'a', passed: true, skipped: false },
  { name: 'b', passed: false, skipped: false, error: 'AssertionError: expected 1 to equal 2' },
  { name: 'c', passed: true, skipped: false },
  { name: 'd', passed: false, skipped: true },
];

describe('test counts', () => {
  it('counts passed, failed and skipped, leaving skipped out of the ran total', () => {
    expect(countTests(tests)).toEqual({ passed: 2, failed: 1, skipped: 1, ran: 3 });
    expect(countTests([])).toEqual({ passed: 0, failed: 0, skipped: 0, ran: 0 });
  });

  it('filters by outcome', () => {
    expect(filterTests(tests, 'all')).toHaveLength(4);
    expect(filterTests(tests, 'passed').map((t) => t.name)).toEqual(['a', 'c']);
    expect(filterTests(tests, 'failed').map((t) => t.name)).toEqual(['b']);
    expect(filterTests(tests, 'skipped').map((t) => t.name)).toEqual(['d']);
  });
});
