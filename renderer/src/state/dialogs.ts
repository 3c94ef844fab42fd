// Which dialog is open. Confirmations and choices are promises, so actions read top to bottom:
//   if (await confirm({...})) { ... }
import { create } from 'zustand';

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  variant?: 'primary' | 'danger' | 'plain';
}

export interface ChoiceRequest {
  title: string;
  message: string;
  options: ChoiceOption<string>[];
  resolve: (value: string | null) => void;
}

export type Panel = 'cookies' | 'shortcuts' | 'quickSearch' | 'manageEnvironments' | 'settings' | null;

interface DialogState {
  choice: ChoiceRequest | null;
  panel: Panel;
  saveAsTabId: string | null;
  openPanel: (panel: Panel) => void;
  openSaveAs: (tabId: string | null) => void;
  setChoice: (c: ChoiceRequest | null) => void;
}

export const useDialogs = create<DialogState>((set) => ({
  choice: null,
  panel: null,
  saveAsTabId: null,
  openPanel: (panel) => set({ panel }),
  openSaveAs: (saveAsTabId) => set({ saveAsTabId }),
  setChoice: (choice) => set({ choice }),
}));

export function choose<V extends string>(title: string, message: string, options: ChoiceOption<V>[]): Promise<V | null> {
  return new Promise((resolve) => {
    const previous = useDialogs.getState().choice;
    previous?.resolve(null);
    useDialogs.getState().setChoice({
      title,
      message,
      options,
      resolve: (v) => {
        useDialogs.getState().setChoice(null);
        resolve(v as V | null);
      },
    });
  });
}

export async function confirm(title: string, message: string, confirmLabel = 'Delete', danger = true): Promise<boolean> {
  const v = await choose(title, message, [
    { value: 'cancel', label: 'Cancel', variant: 'plain' },
    { value: 'ok', label: confirmLabel, variant: danger ? 'danger' : 'primary' },
  ]);
  return v === 'ok';
}
