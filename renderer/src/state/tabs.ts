// The open tabs and their drafts. Pure state changes only; calls to the main process live in
// tabActions.ts.
import { create } from 'zustand';
import { newId } from '../util/id';
import { stableJson } from '../util/stableJson';
import { newRequestSpec } from './settings';
import type { ContainerDraft, EnvironmentDraft, RequestDraft, RequestTab, Tab } from './tabTypes';

interface TabsState {
  tabs: Tab[];
  activeId: string | null;
  add: (tab: Tab) => void;
  activate: (id: string) => void;
  remove: (id: string) => void;
  replace: (id: string, fn: (tab: Tab) => Tab) => void;
  move: (id: string, toIndex: number) => void;
}

export const useTabs = create<TabsState>((set, get) => ({
  tabs: [],
  activeId: null,
  add: (tab) => set({ tabs: [...get().tabs, tab], activeId: tab.id }),
  activate: (activeId) => set({ activeId }),
  remove: (id) => {
    const { tabs, activeId } = get();
    const index = tabs.findIndex((t) => t.id === id);
    if (index < 0) return;
    const next = tabs.filter((t) => t.id !== id);
    const nextActive = activeId === id ? (next[Math.min(index, next.length - 1)]?.id ?? null) : activeId;
    set({ tabs: next, activeId: nextActive });
  },
  replace: (id, fn) => set({ tabs: get().tabs.map((t) => (t.id === id ? fn(t) : t)) }),
  move: (id, toIndex) => {
    const tabs = [...get().tabs];
    const from = tabs.findIndex((t) => t.id === id);
    if (from < 0) return;
    const [tab] = tabs.splice(from, 1);
    tabs.splice(Math.max(0, Math.min(toIndex, tabs.length)), 0, tab);
    set({ tabs });
  },
}));

export function getTab(id: string): Tab | undefined {
  return useTabs.getState().tabs.find((t) => t.id === id);
}

export function activeTab(): Tab | undefined {
  const { tabs, activeId } = useTabs.getState();
  return tabs.find((t) => t.id === activeId);
}

/** A tab for `draft`; without a request, a new one (with the default timeout from the settings). */
export function newRequestTab(draft?: Partial<RequestDraft>, itemId: string | null = null): RequestTab {
  const d: RequestDraft = {
    name: draft?.name ?? 'Untitled request',
    request: draft?.request ?? newRequestSpec(),
    scripts: draft?.scripts ?? { prerequest: '', test: '' },
    description: draft?.description ?? '',
  };
  return {
    kind: 'request',
    id: newId(),
    itemId,
    draft: d,
    savedJson: stableJson(d),
    dirty: false,
    section: 'params',
    bodyStash: {},
  };
}

/** Changes the draft of a request tab and recomputes its dirty flag. */
export function updateRequestDraft(tabId: string, fn: (d: RequestDraft) => RequestDraft): void {
  useTabs.getState().replace(tabId, (t) => {
    if (t.kind !== 'request') return t;
    const draft = fn(t.draft);
    return { ...t, draft, dirty: stableJson(draft) !== t.savedJson };
  });
}

export function updateContainerDraft(tabId: string, fn: (d: ContainerDraft) => ContainerDraft): void {
  useTabs.getState().replace(tabId, (t) => {
    if (t.kind !== 'container') return t;
    const draft = fn(t.draft);
    return { ...t, draft, dirty: stableJson(draft) !== t.savedJson };
  });
}

export function updateEnvironmentDraft(tabId: string, fn: (d: EnvironmentDraft) => EnvironmentDraft): void {
  useTabs.getState().replace(tabId, (t) => {
    if (t.kind !== 'environment') return t;
    const draft = fn(t.draft);
    return { ...t, draft, dirty: stableJson(draft) !== t.savedJson };
  });
}

/** Marks a tab's current draft (or the given one) as saved. */
export function markSaved<T extends Tab>(tabId: string, patch: Partial<T> = {}): void {
  useTabs.getState().replace(tabId, (t) => {
    const next = { ...t, ...patch } as Tab;
    return { ...next, savedJson: stableJson(next.draft), dirty: false };
  });
}
