// The workspace's OpenAPI specs as the sidebar lists them, and the text each open spec editor holds
// (so switching tabs never loses an edit that is still waiting for its autosave). Reloaded when the
// main process says the specs changed; a spec changed elsewhere (the agent's write_spec, another
// window) is loaded into its open editor unless the user has an edit of their own waiting.
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
  /** The updatedAt of the saved text each editor holds (to notice changes made elsewhere). */
  known: Record<string, string>;
  /** Specs with an edit waiting for its autosave or being saved. */
  pending: Record<string, boolean>;
  /** Counts each finished save per spec, so views can refresh what depends on the saved text (drift). */
  saves: Record<string, number>;
  reload: () => Promise<void>;
  setText: (specId: string, text: string) => void;
  setPending: (specId: string, pending: boolean) => void;
  /** The editor holds the text saved at `updatedAt`. */
  noteSaved: (specId: string, updatedAt: string) => void;
}

export const useSpecs = create<SpecsState>((set, get) => ({
  specs: [],
  loaded: false,
  texts: {},
  known: {},
  pending: {},
  saves: {},
  reload: async () => {
    try {
      const { specs } = await rpc['specs.list']({});
      set({ specs, loaded: true });
      reconcileSpecTabs(specs);
      await Promise.all(specs.map(loadIfChangedElsewhere));
    } catch (err) {
      notifyError(err, 'Could not list the specs');
    }
  },
  setText: (specId, text) => set({ texts: { ...get().texts, [specId]: text } }),
  setPending: (specId, pending) => set({ pending: { ...get().pending, [specId]: pending } }),
  noteSaved: (specId, updatedAt) =>
    set({ known: { ...get().known, [specId]: updatedAt }, saves: { ...get().saves, [specId]: (get().saves[specId] ?? 0) + 1 } }),
}));

async function loadIfChangedElsewhere(summary: SpecSummary): Promise<void> {
  const { texts, known, pending } = useSpecs.getState();
  if (texts[summary.id] === undefined || !known[summary.id] || known[summary.id] === summary.updatedAt || pending[summary.id]) return;
  try {
    const spec = await rpc['specs.get']({ id: summary.id });
    const now = useSpecs.getState();
    if (now.pending[spec.id] || now.texts[spec.id] !== texts[spec.id]) return;
    now.setText(spec.id, spec.text);
    now.noteSaved(spec.id, spec.updatedAt);
  } catch {
    // deleted meanwhile: the tab closes with the next reload
  }
}

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
