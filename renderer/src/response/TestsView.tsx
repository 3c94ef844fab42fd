// The Tests tab of a response: each pm.test with passed, failed (and why) or skipped, and a filter.
import { useState } from 'react';
import type { TestOutcome } from '../../../shared/model';
import { countTests, filterTests, testState, type TestFilter } from './testCounts';

const FILTERS: { key: TestFilter; label: string }[] = [
  { key: 'all', label: 'All' },
  { key: 'passed', label: 'Passed' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'failed', label: 'Failed' },
];
const BADGE = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

export function TestsView({ tests }: { tests: TestOutcome[] }) {
  const [filter, setFilter] = useState<TestFilter>('all');
  const counts = countTests(tests);
  const shown = filterTests(tests, filter);
  if (tests.length === 0) return <p className="empty-note section-pad">No tests ran. Write some with pm.test in the request’s Scripts tab.</p>;
  return (
    <div className="tests-view" data-testid="tests-view">
      <div className="tests-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Show tests">
          {FILTERS.map((f) => (
            <button key={f.key} role="radio" aria-checked={filter === f.key} className={filter === f.key ? 'active' : ''} onClick={() => setFilter(f.key)}>
              {f.label}
              {f.key !== 'all' && <span className="tab-count">{counts[f.key]}</span>}
            </button>
          ))}
        </div>
        <span className="muted" data-testid="tests-summary">
          {counts.passed}/{counts.ran} passed{counts.skipped ? `, ${counts.skipped} skipped` : ''}
        </span>
      </div>
      <ul className="test-list" aria-label="Test results">
        {shown.map((t, i) => {
          const state = testState(t);
          return (
            <li key={`${i}-${t.name}`} className={`test-row ${state}`} data-testid="test-row">
              <span className={`test-badge ${state}`}>{BADGE[state]}</span>
              <span className="test-name">{t.name}</span>
              {t.error && <span className="test-error">{t.error}</span>}
            </li>
          );
        })}
        {shown.length === 0 && <li className="empty-note">No {filter} tests.</li>}
      </ul>
    </div>
  );
}
