import { describe, expect, it } from 'vitest';
import { ProgressRouter } from './progressRouter';
import type { ProgressEvent } from './runState';

const iteration = (runId: string, n: number): ProgressEvent => ({ runId, type: 'iteration', iteration: n });

function router() {
  const got: [string, number[]][] = [];
  const r = new ProgressRouter((tabId, events) => got.push([tabId, events.map((e) => (e.type === 'iteration' ? e.iteration : -1))]));
  return { r, got };
}

describe('progress router', () => {
  it('delivers to the owning tab; events that came before the claim are handed over in order', () => {
    const { r, got } = router();
    r.receive(iteration('run-a', 0));
    r.receive(iteration('run-a', 1));
    expect(got).toEqual([]);
    r.claim('run-a', 'tab-1');
    r.receive(iteration('run-a', 2));
    expect(got).toEqual([
      ['tab-1', [0, 1]],
      ['tab-1', [2]],
    ]);
  });

  it('a released run delivers nothing more', () => {
    const { r, got } = router();
    r.claim('run-a', 'tab-1');
    r.release('run-a');
    r.receive(iteration('run-a', 0));
    r.claim('run-b', 'tab-1');
    expect(got).toEqual([]);
  });

  it('keeps early events of a bounded number of runs, dropping the oldest', () => {
    const { r, got } = router();
    for (let i = 0; i < 25; i++) r.receive(iteration(`run-${i}`, i));
    r.claim('run-0', 'tab-old');
    r.claim('run-24', 'tab-new');
    expect(got).toEqual([['tab-new', [24]]]);
  });
});
