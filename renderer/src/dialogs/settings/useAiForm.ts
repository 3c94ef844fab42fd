// The AI part of the Settings dialog: filled from the AI settings once they are known, changed
// only by the user; `save` stores the changed fields (used by Save and by "Test connection").
import { useState } from 'react';
import type { AiSettingsView } from '../../../../shared/contract-agent';
import { useAiSettings } from '../../state/aiSettings';
import { aiPatch, formFromAi, validateAi, type AiErrors, type AiForm } from './aiForm';

export interface AiFormState {
  form: AiForm | null;
  errors: AiErrors;
  set: (patch: Partial<AiForm>) => void;
  /** True when nothing was to save or it was saved; false while invalid or when saving failed. */
  save: () => Promise<boolean>;
}

export function useAiForm(saved: AiSettingsView | null): AiFormState {
  const [state, setState] = useState<{ initial: AiForm; form: AiForm } | null>(null);
  let current = state;
  if (!current && saved) {
    const initial = formFromAi(saved);
    current = { initial, form: initial };
    setState(current);
  }
  const form = current?.form ?? null;
  return {
    form,
    errors: form ? validateAi(form) : {},
    set: (patch) => setState((s) => (s ? { ...s, form: { ...s.form, ...patch } } : s)),
    save: async () => {
      if (!current) return true;
      const patch = aiPatch(current.form, current.initial);
      if (!patch) return false;
      if (Object.keys(patch).length === 0) return true;
      const view = await useAiSettings.getState().update(patch);
      if (!view) return false;
      const initial = formFromAi(view);
      setState((s) => (s ? { initial, form: s.form } : s));
      return true;
    },
  };
}
