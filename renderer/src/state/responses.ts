// The response of each tab, kept apart from the drafts: typing in the request editor never
// touches (or re-renders) a response that may hold a 50 MB body.
import { create } from 'zustand';
import type { SendResult } from '../../../shared/model';
import type { EventPayload } from '../../../shared/contract';
import { rpc } from '../rpc';
import { newId } from '../util/id';
import { useTabs } from './tabs';
import { errorMessage, notifyError } from './toasts';

export interface TabResponse {
  sending: boolean;
  sendId: string | null;
  startedAt: number | null;
  progress: EventPayload<'http.progress'> | null;
  result: SendResult | null;
  /** The call itself failed (bad input, lost connection): shown in the error panel. */
  failure: string | null;
}

const EMPTY: TabResponse = { sending: false, sendId: null, startedAt: null, progress: null, result: null, failure: null };

interface ResponsesState {
  byTab: Record<string, TabResponse>;
  patch: (tabId: string, patch: Partial<TabResponse>) => void;
  drop: (tabId: string) => void;
}

export const useResponses = create<ResponsesState>((set, get) => ({
  byTab: {},
  patch: (tabId, patch) => set({ byTab: { ...get().byTab, [tabId]: { ...(get().byTab[tabId] ?? EMPTY), ...patch } } }),
  drop: (tabId) => {
    const byTab = { ...get().byTab };
    delete byTab[tabId];
    set({ byTab });
  },
}));

export function useTabResponse(tabId: string): TabResponse {
  return useResponses((s) => s.byTab[tabId] ?? EMPTY);
}

export async function sendTab(tabId: string): Promise<void> {
  const tab = useTabs.getState().tabs.find((t) => t.id === tabId);
  if (!tab || tab.kind !== 'request') return;
  const current = useResponses.getState().byTab[tabId];
  if (current?.sending) return;
  if (!tab.draft.request.url.trim()) {
    notifyError(new Error('Enter a URL to send the request to.'));
    return;
  }
  const sendId = newId();
  const { patch } = useResponses.getState();
  patch(tabId, { sending: true, sendId, startedAt: performance.now(), progress: null, failure: null });
  try {
    const result = await rpc['http.send']({
      sendId,
      requestId: tab.itemId,
      request: tab.draft.request,
      name: tab.draft.name,
      scripts: tab.draft.scripts,
    });
    if (useResponses.getState().byTab[tabId]?.sendId !== sendId) return;
    patch(tabId, { sending: false, result, progress: null });
  } catch (err) {
    if (useResponses.getState().byTab[tabId]?.sendId !== sendId) return;
    patch(tabId, { sending: false, progress: null, failure: errorMessage(err) });
    notifyError(err, 'The request could not be sent');
  }
}

export async function cancelTab(tabId: string): Promise<void> {
  const r = useResponses.getState().byTab[tabId];
  if (!r?.sending || !r.sendId) return;
  try {
    await rpc['http.cancel']({ sendId: r.sendId });
  } catch (err) {
    notifyError(err, 'Could not cancel');
  }
}

export function onProgress(p: EventPayload<'http.progress'>): void {
  const { byTab, patch } = useResponses.getState();
  for (const [tabId, r] of Object.entries(byTab)) {
    if (r.sendId === p.sendId && r.sending) patch(tabId, { progress: p });
  }
}

export function showStoredResult(tabId: string, result: SendResult): void {
  useResponses.getState().patch(tabId, { ...EMPTY, result });
}
