// Loads the workspace into the stores and keeps it fresh on push events and reconnects.
import { onEvent } from './rpc';
import { useConnection } from './rpc/connection';
import { useContainers } from './state/containers';
import { useEnvironments } from './state/environments';
import { useHistory } from './state/history';
import { onProgress } from './state/responses';
import { useSettings } from './state/settings';
import { reconcileTabsWithEnvironments, reconcileTabsWithTree } from './state/tabActions';
import { useTree } from './state/tree';

async function reloadTree() {
  await useTree.getState().reload();
  reconcileTabsWithTree();
  useContainers.getState().refreshAll(new Set(useTree.getState().byId.keys()));
}

async function reloadEnvironments() {
  await useEnvironments.getState().reload();
  reconcileTabsWithEnvironments();
}

async function loadAll() {
  await Promise.all([useSettings.getState().load(), reloadTree(), reloadEnvironments(), useHistory.getState().reload()]);
}

export function bootstrap(): void {
  void loadAll();
  onEvent('workspace.changed', ({ what }) => {
    if (what === 'tree') void reloadTree();
    else if (what === 'environments') void reloadEnvironments();
    else if (what === 'history') void useHistory.getState().reload();
    else if (what === 'settings') void useSettings.getState().load();
  });
  onEvent('http.progress', onProgress);
  let wasOpen = useConnection.getState().state.status === 'open';
  useConnection.subscribe(({ state }) => {
    const open = state.status === 'open';
    if (open && !wasOpen) void loadAll();
    wasOpen = open;
  });
}
