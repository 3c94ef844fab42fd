// Opening, saving and closing tabs: the actions that talk to the main process.
import type { Item } from '../../../shared/model';
import { rpc } from '../rpc';
import { closeRunner } from '../runner/runnerActions';
import { newId } from '../util/id';
import { stableJson } from '../util/stableJson';
import { useContainers } from './containers';
import { choose, useDialogs } from './dialogs';
import { useEnvironments } from './environments';
import { showStoredResult, useResponses } from './responses';
import { getTab, markSaved, newRequestTab, useTabs } from './tabs';
import type { ContainerDraft, ContainerTab, EnvironmentDraft, EnvironmentTab, RequestTab, Tab } from './tabTypes';
import { tabTitle } from './tabTypes';
import { attempt, notify } from './toasts';
import { useTree } from './tree';

export function openNewRequest(): void {
  useTabs.getState().add(newRequestTab());
}

export async function openItem(id: string): Promise<void> {
  const existing = useTabs
    .getState()
    .tabs.find((t) => (t.kind === 'request' || t.kind === 'container') && t.itemId === id);
  if (existing) {
    useTabs.getState().activate(existing.id);
    return;
  }
  const item = await attempt(() => rpc['items.get']({ id }), 'Could not open the item');
  if (!item) return;
  useTree.getState().select(id);
  useTabs.getState().add(tabForItem(item));
}

function containerDraft(item: Item): ContainerDraft {
  return {
    name: item.name,
    description: item.description ?? '',
    auth: item.auth ?? (item.kind === 'collection' ? { type: 'none' } : { type: 'inherit' }),
    variables: item.variables ?? [],
    scripts: item.scripts,
  };
}

function tabForItem(item: Item): Tab {
  if (item.kind === 'request') {
    return newRequestTab({ name: item.name, request: item.request, scripts: item.scripts, description: item.description }, item.id);
  }
  useContainers.getState().put(item);
  const draft = containerDraft(item);
  const tab: ContainerTab = {
    kind: 'container',
    id: newId(),
    itemId: item.id,
    itemKind: item.kind,
    draft,
    savedJson: stableJson(draft),
    dirty: false,
  };
  return tab;
}

export function openEnvironment(envId: string | null): void {
  const existing = useTabs.getState().tabs.find((t) => t.kind === 'environment' && t.envId === envId);
  if (existing) {
    useTabs.getState().activate(existing.id);
    return;
  }
  const { environments, globals } = useEnvironments.getState();
  const env = envId ? environments.find((e) => e.id === envId) : null;
  if (envId && !env) return;
  const draft: EnvironmentDraft = env ? { name: env.name, variables: env.variables } : { name: 'Globals', variables: globals };
  const tab: EnvironmentTab = { kind: 'environment', id: newId(), envId, draft, savedJson: stableJson(draft), dirty: false };
  useTabs.getState().add(tab);
}

export async function openHistoryEntry(historyId: string): Promise<void> {
  const got = await attempt(() => rpc['history.get']({ id: historyId }), 'Could not open the history entry');
  if (!got) return;
  const tab = newRequestTab({ name: got.entry.name || `${got.entry.method} ${got.entry.url}`, request: got.request });
  useTabs.getState().add(tab);
  showStoredResult(tab.id, got.result);
}

/** Saves a tab; a request never saved opens "Save as". Resolves true once saved. */
export async function saveTab(tabId: string): Promise<boolean> {
  const tab = getTab(tabId);
  if (!tab) return false;
  if (tab.kind === 'request') {
    if (!tab.itemId) {
      useDialogs.getState().openSaveAs(tab.id);
      return false;
    }
    return saveRequest(tab);
  }
  if (tab.kind === 'container') return saveContainer(tab);
  if (tab.kind === 'environment') return saveEnvironment(tab);
  return true;
}

async function saveRequest(tab: RequestTab): Promise<boolean> {
  const sent = tab.draft;
  const item = await attempt(
    () =>
      rpc['items.update']({
        id: tab.itemId!,
        name: sent.name.trim() || 'Untitled request',
        request: sent.request,
        scripts: sent.scripts,
        ...(sent.description !== undefined ? { description: sent.description } : {}),
      }),
    'Could not save the request',
  );
  if (!item) return false;
  finishSave(tab.id, sent);
  return true;
}

/** Marks saved what was sent, leaving edits made while the save was in flight dirty. */
function finishSave<D>(tabId: string, sent: D): void {
  useTabs.getState().replace(tabId, (t) => {
    const savedJson = stableJson(sent);
    return { ...t, savedJson, dirty: stableJson(t.draft) !== savedJson };
  });
}

async function saveContainer(tab: ContainerTab): Promise<boolean> {
  const d = tab.draft;
  const item = await attempt(
    () =>
      rpc['items.update']({
        id: tab.itemId,
        name: d.name.trim() || tab.itemKind,
        description: d.description,
        auth: d.auth,
        scripts: d.scripts,
        ...(tab.itemKind === 'collection' ? { variables: d.variables.filter((v) => v.key !== '' || v.value !== '') } : {}),
      }),
    `Could not save the ${tab.itemKind}`,
  );
  if (!item) return false;
  useContainers.getState().put(item);
  finishSave(tab.id, d);
  return true;
}

async function saveEnvironment(tab: EnvironmentTab): Promise<boolean> {
  const d = tab.draft;
  const variables = d.variables.filter((v) => v.key !== '' || v.value !== '');
  const ok =
    tab.envId === null
      ? await attempt(() => rpc['globals.update']({ variables }), 'Could not save the globals')
      : await attempt(() => rpc['env.update']({ id: tab.envId!, name: d.name.trim() || 'Environment', variables }), 'Could not save the environment');
  if (!ok) return false;
  finishSave(tab.id, d);
  void useEnvironments.getState().reload();
  return true;
}

/** "Save as": creates the request in a collection or folder and links the tab to it. */
export async function saveRequestAs(tabId: string, parentId: string, name: string): Promise<boolean> {
  const tab = getTab(tabId);
  if (!tab || tab.kind !== 'request') return false;
  const draft = { ...tab.draft, name: name.trim() || tab.draft.name };
  const item = await attempt(
    async () => {
      const created = await rpc['items.create']({ kind: 'request', parentId, name: draft.name, request: draft.request, scripts: draft.scripts });
      // items.create takes no description: a new request's written one follows in an update.
      return draft.description ? rpc['items.update']({ id: created.id, description: draft.description }) : created;
    },
    'Could not save the request',
  );
  if (!item) return false;
  useTabs.getState().replace(tabId, (t) => (t.kind === 'request' ? { ...t, draft: { ...t.draft, name: draft.name } } : t));
  markSaved<RequestTab>(tabId, { itemId: item.id });
  // expandPath walks the tree as loaded: load it with the new item first, or nothing opens.
  await useTree.getState().reload();
  useTree.getState().expandPath(item.id);
  useTree.getState().select(item.id);
  notify(`Saved “${draft.name}”`, 'success');
  return true;
}

/** Closes a tab, asking first when it has unsaved changes. */
export async function closeTab(tabId: string): Promise<void> {
  const tab = getTab(tabId);
  if (!tab) return;
  if (tab.dirty) {
    const answer = await choose('Unsaved changes', `Save the changes to “${tabTitle(tab)}” before closing?`, [
      { value: 'cancel', label: 'Cancel', variant: 'plain' },
      { value: 'discard', label: 'Don’t save', variant: 'danger' },
      { value: 'save', label: 'Save', variant: 'primary' },
    ]);
    if (answer === null || answer === 'cancel') return;
    if (answer === 'save') {
      if (tab.kind === 'request' && !tab.itemId) {
        useDialogs.getState().openSaveAs(tab.id);
        return;
      }
      if (!(await saveTab(tabId))) return;
    }
  }
  if (tab.kind === 'runner') closeRunner(tabId);
  useTabs.getState().remove(tabId);
  useResponses.getState().drop(tabId);
}

/** Keeps open tabs in step with the tree after a change: renames follow, deleted items unlink. */
export function reconcileTabsWithTree(): void {
  const { byId, loaded } = useTree.getState();
  if (!loaded) return;
  const { tabs } = useTabs.getState();
  for (const tab of tabs) {
    if (tab.kind === 'request' && tab.itemId) {
      const node = byId.get(tab.itemId);
      if (!node) {
        useTabs.getState().replace(tab.id, (t) => ({ ...t, itemId: null, savedJson: '', dirty: true }) as Tab);
      } else if (!tab.dirty && node.name !== tab.draft.name) {
        useTabs.getState().replace(tab.id, (t) => ({ ...t, draft: { ...t.draft, name: node.name } }) as Tab);
        markSaved(tab.id);
      }
    } else if (tab.kind === 'container') {
      const node = byId.get(tab.itemId);
      if (!node) useTabs.getState().remove(tab.id);
      else if (!tab.dirty && node.name !== tab.draft.name) {
        useTabs.getState().replace(tab.id, (t) => ({ ...t, draft: { ...t.draft, name: node.name } }) as Tab);
        markSaved(tab.id);
      }
    }
  }
}

export function reconcileTabsWithEnvironments(): void {
  const { environments } = useEnvironments.getState();
  for (const tab of useTabs.getState().tabs) {
    if (tab.kind !== 'environment' || tab.envId === null) continue;
    const env = environments.find((e) => e.id === tab.envId);
    if (!env) useTabs.getState().remove(tab.id);
    else if (!tab.dirty && stableJson({ name: env.name, variables: env.variables }) !== tab.savedJson) {
      useTabs.getState().replace(tab.id, (t) => ({ ...t, draft: { name: env.name, variables: env.variables } }) as Tab);
      markSaved(tab.id);
    }
  }
}
