// What the Runner view does: open a Runner tab for a collection or folder, start, cancel, re-run
// the failed requests, export the report.
import { downloadText } from '../import-export/download';
import { rpc } from '../rpc';
import { useEnvironments } from '../state/environments';
import { progressRouter, useRunner } from '../state/runner';
import { useTabs } from '../state/tabs';
import type { RunnerTab } from '../state/tabTypes';
import { attempt, errorMessage } from '../state/toasts';
import { ancestorsOf, useTree } from '../state/tree';
import { newId } from '../util/id';
import { dropNested, newRunForm, startInput } from './runForm';
import { failedItemIds, startedRun } from './runState';

/** The collection an item belongs to (itself for a collection). */
function collectionOf(itemId: string): string | null {
  const { byId } = useTree.getState();
  const node = byId.get(itemId);
  if (!node) return null;
  if (node.kind === 'collection') return node.id;
  const top = ancestorsOf(itemId, byId).find((a) => a.kind === 'collection');
  return top?.id ?? null;
}

export function collectionName(collectionId: string): string {
  return useTree.getState().byId.get(collectionId)?.name ?? 'Collection';
}

export const runnerTitle = (collectionId: string) => `Run · ${collectionName(collectionId)}`;

/**
 * Opens the Runner for a collection or folder (or, with no id, the selected item's collection or
 * the first one). A Runner tab of that collection that is not running is reused.
 */
export function openRunner(itemId?: string): void {
  const { selectedId, children } = useTree.getState();
  const from = itemId ?? selectedId ?? children.get(null)?.[0]?.id ?? null;
  const collectionId = (from && collectionOf(from)) ?? '';
  const itemIds = from && from !== collectionId && itemId ? [from] : [];
  const runners = useRunner.getState().byTab;
  const reuse = useTabs
    .getState()
    .tabs.find((t) => t.kind === 'runner' && runners[t.id]?.form.collectionId === collectionId && runners[t.id]?.run?.status !== 'running');
  if (reuse) {
    useRunner.getState().update(reuse.id, (s) => ({ ...s, form: { ...s.form, itemIds }, error: null }));
    useTabs.getState().activate(reuse.id);
    return;
  }
  const tab: RunnerTab = { kind: 'runner', id: newId(), draft: { name: collectionId ? runnerTitle(collectionId) : 'Runner' }, savedJson: '', dirty: false };
  useRunner.getState().put(tab.id, {
    form: newRunForm(collectionId, itemIds, useEnvironments.getState().activeId),
    run: null,
    starting: false,
    error: null,
    failedOnly: false,
  });
  useTabs.getState().add(tab);
}

/** Picks another collection in an open Runner tab (its folder choice starts over). */
export function chooseCollection(tabId: string, collectionId: string): void {
  useRunner.getState().update(tabId, (s) => ({ ...s, form: { ...s.form, collectionId, itemIds: [] }, error: null }));
  useTabs.getState().replace(tabId, (t) => (t.kind === 'runner' ? { ...t, draft: { name: runnerTitle(collectionId) } } : t));
}

/** Starts the form's run, or, with itemIds, a run of just those (re-run failed). */
export async function startRun(tabId: string, itemIds?: string[]): Promise<void> {
  const state = useRunner.getState().byTab[tabId];
  if (!state || state.starting || state.run?.status === 'running') return;
  const byId = useTree.getState().byId;
  const checked = startInput(state.form, itemIds ?? dropNested(state.form.itemIds, (id) => byId.get(id)?.parentId));
  if ('error' in checked) {
    useRunner.getState().update(tabId, (s) => ({ ...s, error: checked.error }));
    return;
  }
  const router = progressRouter();
  useRunner.getState().update(tabId, (s) => ({ ...s, starting: true, error: null }));
  try {
    const answer = await rpc['runner.start'](checked.input);
    const previous = useRunner.getState().byTab[tabId]?.run;
    if (previous) router.release(previous.runId);
    const run = startedRun(answer, collectionName(checked.input.collectionId), checked.input.itemIds ?? [], Date.now());
    useRunner.getState().update(tabId, (s) => ({ ...s, starting: false, run, failedOnly: itemIds ? false : s.failedOnly }));
    router.claim(answer.runId, tabId);
  } catch (err) {
    useRunner.getState().update(tabId, (s) => ({ ...s, starting: false, error: errorMessage(err) }));
  }
}

/** A Runner tab is closing: its run is cancelled and its state forgotten. */
export function closeRunner(tabId: string): void {
  const run = useRunner.getState().byTab[tabId]?.run;
  if (run) {
    if (run.status === 'running') void rpc['runner.cancel']({ runId: run.runId }).catch(() => {});
    progressRouter().release(run.runId);
  }
  useRunner.getState().drop(tabId);
}

export async function cancelRun(tabId: string): Promise<void> {
  const run = useRunner.getState().byTab[tabId]?.run;
  if (!run || run.status !== 'running') return;
  await attempt(() => rpc['runner.cancel']({ runId: run.runId }), 'Could not cancel the run');
}

export async function rerunFailed(tabId: string): Promise<void> {
  const run = useRunner.getState().byTab[tabId]?.run;
  if (!run) return;
  const ids = failedItemIds(run.rows);
  if (ids.length > 0) await startRun(tabId, ids);
}

export async function exportReport(tabId: string, format: 'json' | 'junit' | 'html'): Promise<void> {
  const run = useRunner.getState().byTab[tabId]?.run;
  if (!run) return;
  const report = await attempt(() => rpc['runner.report']({ runId: run.runId, format }), 'Could not export the report');
  if (report) downloadText(report.fileName, report.text);
}
