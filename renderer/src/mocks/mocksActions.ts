// What the Mocks view does: open it (for a spec or a collection, from their menus), start and stop
// mocks, pick whose log is shown, clear a log, copy a mock's URL.
import type { MockSource } from '../../../shared/contract-design';
import { rpc } from '../rpc';
import { loadLog, loadMocks, updateMockForm, useMocks } from '../state/mocks';
import { useTabs } from '../state/tabs';
import type { MocksTab } from '../state/tabTypes';
import { attempt, errorMessage, notify } from '../state/toasts';
import { newId } from '../util/id';
import { sourceKey, startInput } from './mockForm';

/** Opens the Mocks view (one tab), with the source picked when given. */
export function openMocks(source?: MockSource): void {
  if (source) updateMockForm({ source: sourceKey(source) });
  void loadMocks();
  const existing = useTabs.getState().tabs.find((t) => t.kind === 'mocks');
  if (existing) {
    useTabs.getState().activate(existing.id);
    return;
  }
  const tab: MocksTab = { kind: 'mocks', id: newId(), draft: { name: 'Mocks' }, savedJson: '', dirty: false };
  useTabs.getState().add(tab);
}

export async function startMock(): Promise<void> {
  const { form, starting } = useMocks.getState();
  if (starting) return;
  const checked = startInput(form);
  if ('error' in checked) {
    useMocks.setState({ error: checked.error });
    return;
  }
  useMocks.setState({ starting: true, error: null });
  try {
    const mock = await rpc['mocks.start'](checked.input);
    useMocks.setState((s) => ({
      starting: false,
      mocks: s.mocks.some((m) => m.id === mock.id) ? s.mocks : [mock, ...s.mocks],
      selectedId: mock.id,
    }));
    await loadLog(mock.id).catch(() => {});
  } catch (err) {
    useMocks.setState({ starting: false, error: errorMessage(err) });
  }
}

export async function stopMock(id: string): Promise<void> {
  const done = await attempt(() => rpc['mocks.stop']({ id }), 'Could not stop the mock');
  if (done) void loadMocks();
}

export function selectMock(id: string): void {
  useMocks.setState({ selectedId: id });
}

/** Empties a mock's log on screen (a stopped mock goes from the list with it). */
export function clearLog(id: string): void {
  useMocks.setState((s) => {
    const stopped = s.stopped.filter((m) => m.id !== id);
    const selectedId = s.selectedId === id && stopped.length < s.stopped.length ? (s.mocks[0]?.id ?? stopped[0]?.id ?? null) : s.selectedId;
    const last = s.logs[id]?.[0]?.seq ?? 0;
    const clearedThrough = { ...s.clearedThrough, [id]: Math.max(last, s.clearedThrough[id] ?? 0) };
    return { logs: { ...s.logs, [id]: [] }, clearedThrough, stopped, selectedId };
  });
}

export function copyUrl(url: string): void {
  navigator.clipboard.writeText(url).then(
    () => notify(`Copied ${url}`, 'success'),
    () => notify(`Could not copy; the URL is ${url}`, 'error'),
  );
}

/** "Start mock" on a collection or spec: the Mocks view opens with it picked and starts it with the view's settings. */
export async function startMockOf(source: MockSource): Promise<void> {
  openMocks(source);
  await startMock();
}
