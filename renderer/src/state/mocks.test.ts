import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInfo, MockLogEntry } from '../../../shared/contract-design';

vi.mock('../rpc', () => ({ rpc: {}, onEvent: () => () => {} }));
vi.mock('./tabs', () => ({ useTabs: { getState: () => ({ tabs: [] }) } }));

const { addLogEntries, applyMocks, useMocks } = await import('./mocks');
const { clearLog } = await import('../mocks/mocksActions');

const mock = (id: string, requests = 0): MockInfo => ({
  id,
  name: `Mock ${id}`,
  source: { kind: 'collection', collectionId: 'c1' },
  url: 'http://127.0.0.1:4010',
  host: '127.0.0.1',
  port: 4010,
  latencyMs: 0,
  cors: true,
  validateRequests: true,
  startedAt: '2026-01-01T00:00:00.000Z',
  requests,
});

const entry = (mockId: string, seq: number): MockLogEntry => ({
  mockId,
  seq,
  at: '2026-01-01T00:00:00.000Z',
  method: 'GET',
  path: `/users/${seq}`,
  status: 200,
  durationMs: 1,
  match: 'A page of users',
  problems: [],
});

const seqs = (id: string) => (useMocks.getState().logs[id] ?? []).map((e) => e.seq);
const initial = useMocks.getState();

describe('the mocks store', () => {
  beforeEach(() => useMocks.setState(initial, true));

  it('counts requests from the log and keeps a stopped mock with its log on screen', () => {
    applyMocks([mock('a')]);
    addLogEntries([entry('a', 1), entry('a', 2)]);
    expect(useMocks.getState().mocks[0].requests).toBe(2);
    applyMocks([]);
    expect(useMocks.getState().mocks).toEqual([]);
    expect(useMocks.getState().stopped.map((m) => m.id)).toEqual(['a']);
    expect(useMocks.getState().selectedId).toBe('a');
    expect(seqs('a')).toEqual([2, 1]);
  });

  it('keeps events that arrive before mocks.changed lists their mock, and shows that mock', () => {
    addLogEntries([entry('b', 1)]);
    applyMocks([mock('b')]);
    expect(useMocks.getState().selectedId).toBe('b');
    expect(seqs('b')).toEqual([1]);
  });

  it('Clear empties the log for good: the log read again later does not bring cleared entries back', () => {
    applyMocks([mock('a')]);
    addLogEntries([entry('a', 1), entry('a', 2)]);
    clearLog('a');
    expect(seqs('a')).toEqual([]);
    addLogEntries([entry('a', 1), entry('a', 2), entry('a', 3)]);
    expect(seqs('a')).toEqual([3]);
  });

  it('clearing a stopped mock removes it from the list', () => {
    applyMocks([mock('a')]);
    applyMocks([mock('b')]);
    expect(useMocks.getState().stopped.map((m) => m.id)).toEqual(['a']);
    clearLog('a');
    expect(useMocks.getState().stopped).toEqual([]);
    expect(useMocks.getState().mocks.map((m) => m.id)).toEqual(['b']);
  });
});
