// Collections and folders fetched whole (auth, variables, description), cached for variable
// resolution and "inherit auth" summaries. Refetched when the workspace changes.
import { create } from 'zustand';
import type { Item } from '../../../shared/model';
import { rpc } from '../rpc';

interface ContainersState {
  items: Record<string, Item>;
  loading: Set<string>;
  ensure: (id: string) => void;
  put: (item: Item) => void;
  refreshAll: (existing: Set<string>) => void;
}

export const useContainers = create<ContainersState>((set, get) => ({
  items: {},
  loading: new Set(),
  ensure: (id) => {
    const { items, loading } = get();
    if (items[id] || loading.has(id)) return;
    loading.add(id);
    rpc['items.get']({ id })
      .then((item) => get().put(item))
      .catch(() => {
        // a deleted container simply stays unknown
      })
      .finally(() => get().loading.delete(id));
  },
  put: (item) => set({ items: { ...get().items, [item.id]: item } }),
  refreshAll: (existing) => {
    const ids = Object.keys(get().items);
    const kept: Record<string, Item> = {};
    for (const id of ids) if (existing.has(id)) kept[id] = get().items[id];
    set({ items: kept });
    for (const id of Object.keys(kept)) {
      rpc['items.get']({ id })
        .then((item) => get().put(item))
        .catch(() => {});
    }
  },
}));
