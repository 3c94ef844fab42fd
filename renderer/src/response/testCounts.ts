// Counting a send's test results for the Tests tab's title ("2/3 passed") and its filter.
import type { TestOutcome } from '../../../shared/model';

export type TestFilter = 'all' | 'passed' | 'failed' | 'skipped';

export function testState(t: TestOutcome): Exclude<TestFilter, 'all'> {
  return t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed';
}

/** Passed, failed and skipped; `ran` leaves the skipped out, as in "2/3 passed". */
export function countTests(tests: TestOutcome[]) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const t of tests) counts[testState(t)]++;
  return { ...counts, ran: counts.passed + counts.failed };
}

export function filterTests(tests: TestOutcome[], filter: TestFilter): TestOutcome[] {
  return filter === 'all' ? tests : tests.filter((t) => testState(t) === filter);
}
