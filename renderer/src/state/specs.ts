// The workspace's OpenAPI specs as the sidebar lists them, and the text each open spec editor holds
// (so switching tabs never loses an edit that is still waiting for its autosave). Reloaded when the
// main process says the specs changed.
import { create } from 'zustand';
import type { SpecSummary } from '../../../shared/contract-design';
import { onEvent, rpc } from '../rpc';
import { useTabs } from './tabs';
import { notifyError } from './toasts';

interface SpecsState {
  specs: SpecSummary[];
  loaded: boolean;
  /** The editor text per spec opened in this session, newest first-hand. */
  texts: Record<string, string>;
  /** Counts each finished save per spec, so views can refresh what depends on the saved text (drift). */
  saves: Record<string, number>;
  reload: () => Promise<void>;
  setText: (specId: string, text: string) => void;
  noteSaved: (specId: string) => void;
}

export const useSpecs = create<SpecsState>((set, get) => ({
  specs: [],
  loaded: false,
  texts: {},
  saves: {},
  reload: async () => {
    try {
      const { specs } = await rpc['specs.list']({});
      set({ specs, loaded: true });
      reconcileSpecTabs(specs);
    } catch (err) {
      notifyError(err, 'Could not list the specs');
    }
  },
  setText: (specId, text) => set({ texts: { ...get().texts, [specId]: text } }),
  noteSaved: (specId) => set({ saves: { ...get().saves, [specId]: (get().saves[specId] ?? 0) + 1 } }),
}));

export function specSummary(specId: string): SpecSummary | undefined {
  return useSpecs.getState().specs.find((s) => s.id === specId);
}

/** Spec tabs follow renames and close when their spec is deleted. */
function reconcileSpecTabs(specs: SpecSummary[]): void {
  const byId = new Map(specs.map((s) => [s.id, s]));
  for (const tab of useTabs.getState().tabs) {
    if (tab.kind !== 'spec') continue;
    const spec = byId.get(tab.specId);
    if (!spec) useTabs.getState().remove(tab.id);
    else if (spec.name !== tab.draft.name) useTabs.getState().replace(tab.id, (t) => (t.kind === 'spec' ? { ...t, draft: { name: spec.name } } : t));
  }
}

onEvent('workspace.changed', ({ what }) => {
  if (what === 'specs') void useSpecs.getState().reload();
});
