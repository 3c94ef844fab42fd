// Settings → AI as the main process keeps them (ai.settings.*): the switch, the provider, the
// approval policy and the key, which the renderer only ever sees masked (first-4…last-4).
import { create } from 'zustand';
import type { AiSettingsPatch, AiSettingsView } from '../../../shared/contract-agent';
import { rpc } from '../rpc';
import { attempt } from './toasts';

interface AiSettingsState {
  view: AiSettingsView | null;
  load: () => Promise<void>;
  /** Saves the fields given; resolves to the saved settings, or null on failure (a toast says why). */
  update: (patch: AiSettingsPatch) => Promise<AiSettingsView | null>;
  /** Stores a new key (null removes it); resolves true once stored. */
  setKey: (key: string | null) => Promise<boolean>;
}

export const useAiSettings = create<AiSettingsState>((set, get) => ({
  view: null,
  load: async () => {
    const view = await attempt(() => rpc['ai.settings.get']({}), 'Could not load the AI settings');
    if (view) set({ view });
  },
  update: async (patch) => {
    const view = await attempt(() => rpc['ai.settings.update'](patch), 'Could not save the AI settings');
    if (view) set({ view });
    return view ?? null;
  },
  setKey: async (key) => {
    const got = await attempt(() => rpc['ai.setKey']({ key }), key ? 'Could not store the key' : 'Could not remove the key');
    const view = get().view;
    if (got && view) set({ view: { ...view, keyMasked: got.keyMasked } });
    return !!got;
  },
}));
