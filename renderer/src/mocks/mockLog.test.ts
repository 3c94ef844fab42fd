import { describe, expect, it } from 'vitest';
import type { MockLogEntry } from '../../../shared/contract-design';
import { byMock, filterLog, mergeLog } from './mockLog';

const entry = (seq: number, patch: Partial<MockLogEntry> = {}): MockLogEntry => ({
  mockId: 'm1',
  seq,
  at: '2026-01-01T00:00:00.000Z',
  method: 'GET',
  path: `/pets/${seq}`,
  status: 200,
  durationMs: 1,
  match: 'GET /pets/{petId}',
  problems: [],
  ...patch,
});

describe('the mock request log', () => {
  it('merges the log read at open with pushed events: newest first, each request once', () => {
    const fetched = [entry(2), entry(1)];
    const pushed = [entry(2), entry(3), entry(4)];
    expect(mergeLog(fetched, pushed).map((e) => e.seq)).toEqual([4, 3, 2, 1]);
  });

  it('keeps only the newest entries past its limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => entry(i + 1));
    expect(mergeLog([], many, 10).map((e) => e.seq)).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21]);
  });

  it('groups a batch of events by mock', () => {
    const grouped = byMock([entry(1), entry(1, { mockId: 'm2' }), entry(2)]);
    expect([...grouped.keys()]).toEqual(['m1', 'm2']);
    expect(grouped.get('m1')!.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('filters by words across method, path, match and problems, and by status class', () => {
    const log = [
      entry(3, { method: 'POST', path: '/pets', status: 400, match: 'POST /pets', problems: ['body must have property name'] }),
      entry(2, { path: '/nowhere', status: 404, match: null, problems: ['No operation matches GET /nowhere'] }),
      entry(1),
    ];
    expect(filterLog(log, '4xx').map((e) => e.seq)).toEqual([3, 2]);
    expect(filterLog(log, 'post name').map((e) => e.seq)).toEqual([3]);
    expect(filterLog(log, 'no match').map((e) => e.seq)).toEqual([2]);
    expect(filterLog(log, '  ').map((e) => e.seq)).toEqual([3, 2, 1]);
  });
});
