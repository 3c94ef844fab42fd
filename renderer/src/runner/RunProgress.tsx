// The live part of a run: the progress bar, the counters, elapsed time, data problems, warnings.
import { useEffect, useState } from 'react';
import { formatMs } from '../util/format';
import { progressOf, timingsOf, type RunState } from './runState';

const STATUS_LABEL = { running: 'Running', done: 'Finished', cancelled: 'Cancelled', failed: 'Stopped' } as const;

/** The time now, ticking while `live`. */
function useNow(live: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [live]);
  return live ? now : Date.now();
}

function Counter({ label, value, tone, testId }: { label: string; value: number; tone?: 'pass' | 'fail'; testId: string }) {
  return (
    <div className={`runner-counter ${tone ?? ''}`}>
      <span className="runner-counter-value" data-testid={testId}>
        {value}
      </span>
      <span className="runner-counter-label">{label}</span>
    </div>
  );
}

export function RunProgress({ run }: { run: RunState }) {
  const now = useNow(run.status === 'running');
  const { done, total, fraction } = progressOf(run);
  const c = run.counts;
  const elapsed = timingsOf(run, now).totalMs;
  return (
    <section className="runner-progress" aria-label="Run progress" data-status={run.status} data-testid="runner-progress">
      <div className="runner-progress-head">
        <strong data-testid="runner-status">{STATUS_LABEL[run.status]}</strong>
        <span className="muted">
          {run.collectionName}
          {run.itemIds.length > 0 && ` · ${run.itemIds.length} item${run.itemIds.length === 1 ? '' : 's'} picked`}
          {run.status === 'running' && ` · iteration ${run.iteration + 1} of ${run.iterations}`}
        </span>
        <div className="grow" />
        <span data-testid="runner-done">
          {done} / {total} requests
        </span>
        <span className="muted" data-testid="runner-elapsed">
          {formatMs(elapsed)}
        </span>
      </div>
      <div
        className="runner-bar"
        role="progressbar"
        aria-label="Requests done"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="runner-bar-fill" style={{ width: `${Math.round(fraction * 1000) / 10}%` }} />
      </div>
      <div className="runner-counters">
        <Counter label="Requests" value={c.requests} testId="count-requests" />
        <Counter label="Requests failed" value={c.requestsFailed} tone={c.requestsFailed ? 'fail' : undefined} testId="count-requests-failed" />
        <Counter label="Tests passed" value={c.testsPassed} tone="pass" testId="count-tests-passed" />
        <Counter label="Tests failed" value={c.testsFailed} tone={c.testsFailed ? 'fail' : undefined} testId="count-tests-failed" />
        <Counter label="Tests skipped" value={c.testsSkipped} testId="count-tests-skipped" />
      </div>
      {run.dataProblems.length > 0 && (
        <div className="runner-notes warning" role="alert" data-testid="runner-data-problems">
          <strong>Data rows skipped</strong>
          <ul>
            {run.dataProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {run.warnings.length > 0 && (
        <div className="runner-notes warning" data-testid="runner-warnings">
          <ul>
            {run.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
