// The mock servers as the Mocks view shows them: the running ones (kept in step by mocks.changed),
// the ones stopped in this session whose log is still on screen, each mock's request log (from
// mocks.log, then mocks.request events, batched a few times a second; read again after a
// reconnect), and the view's form.
import { create } from 'zustand';
import type { MockInfo, MockLogEntry } from '../../../shared/contract-design';
import { newMockForm, type MockForm } from '../mocks/mockForm';
import { byMock, mergeLog } from '../mocks/mockLog';
import { onEvent, rpc } from '../rpc';
import { useConnection } from '../rpc/connection';
import { errorMessage } from './toasts';

/** Stopped mocks whose logs stay on screen until cleared (the oldest go first past this). */
const KEEP_STOPPED = 20;
const FLUSH_MS = 100;

export interface MocksState {
  mocks: MockInfo[];
  stopped: MockInfo[];
  logs: Record<string, MockLogEntry[]>;
  /** Per mock, the last seq the user cleared from the log (older entries are not shown again). */
  clearedThrough: Record<string, number>;
  /** The mock whose log is shown. */
  selectedId: string | null;
  form: MockForm;
  filter: string;
  starting: boolean;
  /** Why the last start was refused, or the list could not be read. */
  error: string | null;
  loaded: boolean;
}

export const useMocks = create<MocksState>(() => ({
  mocks: [],
  stopped: [],
  logs: {},
  clearedThrough: {},
  selectedId: null,
  form: newMockForm(),
  filter: '',
  starting: false,
  error: null,
  loaded: false,
}));

/** The running list changed: mocks that left it are kept as stopped (with their logs). */
export function applyMocks(mocks: MockInfo[]): void {
  useMocks.setState((s) => {
    const running = new Set(mocks.map((m) => m.id));
    const gone = s.mocks.filter((m) => !running.has(m.id));
    const stopped = [...gone, ...s.stopped.filter((m) => !running.has(m.id) && !gone.some((g) => g.id === m.id))].slice(0, KEEP_STOPPED);
    const kept = new Set([...running, ...stopped.map((m) => m.id)]);
    const evicted = new Set([...s.mocks, ...s.stopped].map((m) => m.id).filter((id) => !kept.has(id)));
    const logs = Object.fromEntries(Object.entries(s.logs).filter(([id]) => !evicted.has(id)));
    const selectedId = s.selectedId && kept.has(s.selectedId) ? s.selectedId : (mocks[0]?.id ?? stopped[0]?.id ?? null);
    return { mocks, stopped, logs, selectedId, loaded: true };
  });
}

export function addLogEntries(entries: readonly MockLogEntry[]): void {
  if (entries.length === 0) return;
  useMocks.setState((s) => {
    const logs = { ...s.logs };
    for (const [id, list] of byMock(entries)) {
      const cleared = s.clearedThrough[id] ?? 0;
      logs[id] = mergeLog(logs[id] ?? [], list.filter((e) => e.seq > cleared));
    }
    const counted = (m: MockInfo) => {
      const top = logs[m.id]?.[0];
      return top && top.seq > m.requests ? { ...m, requests: top.seq } : m;
    };
    return { logs, mocks: s.mocks.map(counted) };
  });
}

let pending: MockLogEntry[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  flushTimer = null;
  const batch = pending;
  pending = [];
  addLogEntries(batch);
}

function receive(entry: MockLogEntry): void {
  pending.push(entry);
  flushTimer ??= setTimeout(flush, FLUSH_MS);
}

let subscribed = false;

/** Subscribes to the mock events (once) and reads the running mocks and their logs. */
export async function loadMocks(): Promise<void> {
  if (!subscribed) {
    subscribed = true;
    onEvent('mocks.changed', (e) => applyMocks(e.mocks));
    onEvent('mocks.request', receive);
    // Events sent while the web host's socket was down are lost: read the list and logs again.
    let wasOpen = useConnection.getState().state.status === 'open';
    useConnection.subscribe(({ state }) => {
      const open = state.status === 'open';
      if (open && !wasOpen) void loadMocks();
      wasOpen = open;
    });
  }
  try {
    const { mocks } = await rpc['mocks.list']({});
    applyMocks(mocks);
    await Promise.all(mocks.map((m) => loadLog(m.id)));
  } catch (err) {
    useMocks.setState({ loaded: true, error: errorMessage(err) });
  }
}

/** Reads a mock's log so far (what it answered before the view listened). */
export async function loadLog(mockId: string): Promise<void> {
  const { entries } = await rpc['mocks.log']({ id: mockId });
  addLogEntries(entries);
}

export function updateMockForm(patch: Partial<MockForm>): void {
  useMocks.setState((s) => ({ form: { ...s.form, ...patch }, error: null }));
}
