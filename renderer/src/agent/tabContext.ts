// What the agent is told about the tab the user is looking at, and keeping open tabs in step after
// the agent (or "Undo turn") changed the requests they show.
import type { ActiveTab } from '../../../shared/contract-agent';
import type { SendResult } from '../../../shared/model';
import { rpc } from '../rpc';
import { useContainers } from '../state/containers';
import { useResponses } from '../state/responses';
import { activeTab, getTab, markSaved, useTabs } from '../state/tabs';

/** Bodies larger than this are not shipped to the main process with the turn; it has the stored response. */
const MAX_BODY_CHARS = 256 * 1024;

function trimmed(result: SendResult): SendResult {
  const response = result.response;
  const body = response?.body;
  if (!response || !body) return result;
  if (body.kind === 'text' && body.text.length > MAX_BODY_CHARS) {
    return { ...result, response: { ...response, body: { kind: 'text', text: body.text.slice(0, MAX_BODY_CHARS) } } };
  }
  if (body.kind === 'base64' && body.base64.length > MAX_BODY_CHARS) return { ...result, response: { ...response, body: { kind: 'empty' } } };
  return result;
}

/** The active request tab as agent.send takes it: its saved id, its draft and its last response. */
export function activeTabContext(): ActiveTab | undefined {
  const tab = activeTab();
  if (!tab || tab.kind !== 'request') return undefined;
  const result = useResponses.getState().byTab[tab.id]?.result ?? undefined;
  return { requestId: tab.itemId, draft: tab.draft.request, lastResponse: result ? trimmed(result) : undefined };
}

/**
 * Reloads the open, unedited tabs of these items (requests, collections, folders) from the
 * workspace after the agent or "Undo turn" changed them; an edited tab keeps the user's draft.
 */
export async function refreshOpenItems(ids: Iterable<string>): Promise<void> {
  const wanted = new Set(ids);
  const tabs = useTabs.getState().tabs.filter((t) => (t.kind === 'request' || t.kind === 'container') && t.itemId && wanted.has(t.itemId) && !t.dirty);
  await Promise.all(
    tabs.map(async (tab) => {
      if ((tab.kind !== 'request' && tab.kind !== 'container') || !tab.itemId) return;
      const item = await rpc['items.get']({ id: tab.itemId }).catch(() => null);
      const current = getTab(tab.id);
      if (!item || !current || current.dirty || current.kind !== tab.kind) return;
      if (current.kind === 'request' && item.kind === 'request' && item.request) {
        const draft = { name: item.name, request: item.request, scripts: item.scripts, description: item.description };
        useTabs.getState().replace(tab.id, (t) => (t.kind === 'request' ? { ...t, draft } : t));
      } else if (current.kind === 'container' && item.kind !== 'request') {
        useContainers.getState().put(item);
        // The container view edits these fields; the rest of the item stays as the tab had it.
        const patch = { name: item.name, description: item.description ?? '', variables: item.variables ?? [], scripts: item.scripts };
        useTabs.getState().replace(tab.id, (t) => (t.kind === 'container' ? { ...t, draft: { ...t.draft, ...patch, auth: item.auth ?? t.draft.auth } } : t));
      } else return;
      markSaved(tab.id);
    }),
  );
}
