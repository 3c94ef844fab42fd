// The Runner tabs: each one's form, its current run and the results filter. runner.progress events
// reach the tab that started the run through one ProgressRouter (subscribed on first use).
import { create } from 'zustand';
import { onEvent, rpc } from '../rpc';
import { ProgressRouter } from '../runner/progressRouter';
import type { RunForm } from '../runner/runForm';
import { applyProgressBatch, failedRun, type ProgressEvent, type RunState } from '../runner/runState';

export interface RunnerTabState {
  form: RunForm;
  run: RunState | null;
  /** runner.start is in flight. */
  starting: boolean;
  /** Why the last start was refused (bad input, unknown folder…). */
  error: string | null;
  failedOnly: boolean;
}

interface RunnerStore {
  byTab: Record<string, RunnerTabState>;
  put: (tabId: string, state: RunnerTabState) => void;
  update: (tabId: string, fn: (s: RunnerTabState) => RunnerTabState) => void;
  drop: (tabId: string) => void;
}

export const useRunner = create<RunnerStore>((set, get) => ({
  byTab: {},
  put: (tabId, state) => set({ byTab: { ...get().byTab, [tabId]: state } }),
  update: (tabId, fn) => {
    const cur = get().byTab[tabId];
    if (cur) set({ byTab: { ...get().byTab, [tabId]: fn(cur) } });
  },
  drop: (tabId) => {
    const { [tabId]: _gone, ...rest } = get().byTab;
    set({ byTab: rest });
  },
}));

export function updateForm(tabId: string, patch: Partial<RunForm>): void {
  useRunner.getState().update(tabId, (s) => ({ ...s, form: { ...s.form, ...patch }, error: null }));
}

/** Events waiting for the next flush, per tab: a long run sends thousands, the view redraws a few times a second. */
const queued = new Map<string, ProgressEvent[]>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
const FLUSH_MS = 80;

function flush(): void {
  flushTimer = null;
  const now = Date.now();
  const batches = [...queued];
  queued.clear();
  for (const [tabId, events] of batches) {
    useRunner.getState().update(tabId, (s) => (s.run ? { ...s, run: applyProgressBatch(s.run, events, now) } : s));
    if (events.some((e) => e.type === 'warning')) void checkStopped(tabId);
  }
}

function deliver(tabId: string, events: ProgressEvent[]): void {
  const list = queued.get(tabId);
  if (list) list.push(...events);
  else queued.set(tabId, [...events]);
  // The last event of a run is shown at once; the others wait for the batch.
  if (events.some((e) => e.type === 'done')) flush();
  else flushTimer ??= setTimeout(flush, FLUSH_MS);
}

/** A warning may be the runner's last word (it threw): then the run is marked failed, not left running. */
async function checkStopped(tabId: string): Promise<void> {
  const run = useRunner.getState().byTab[tabId]?.run;
  if (!run || run.status !== 'running') return;
  const status = await rpc['runner.get']({ runId: run.runId }).catch(() => null);
  if (status?.status === 'done' && status.result === null) {
    useRunner.getState().update(tabId, (s) => (s.run?.runId === run.runId ? { ...s, run: failedRun(s.run, Date.now()) } : s));
  }
}

let router: ProgressRouter | null = null;

/** The router, subscribed to runner.progress the first time a run starts. */
export function progressRouter(): ProgressRouter {
  if (!router) {
    const r = new ProgressRouter(deliver);
    onEvent('runner.progress', (e) => r.receive(e));
    router = r;
  }
  return router;
}
