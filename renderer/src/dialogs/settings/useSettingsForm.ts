// The Settings dialog's form state: filled from the settings once they are known (they may still
// be loading when the dialog opens), then changed only by the user.
import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/model';
import { changedFields, formFromSettings, validate, type SettingsErrors, type SettingsForm } from './settingsForm';

export interface SettingsFormState {
  form: SettingsForm | null;
  errors: SettingsErrors;
  set: (patch: Partial<SettingsForm>) => void;
  /** The changed fields, or null while the form is invalid or not loaded. */
  patch: () => SettingsPatch | null;
}

export function useSettingsForm(saved: Settings | null): SettingsFormState {
  const [state, setState] = useState<{ initial: SettingsForm; form: SettingsForm } | null>(null);
  let current = state;
  if (!current && saved) {
    // First render with the settings known: start from them (setting state while rendering is
    // React's pattern for state derived from props; it re-renders at once).
    const initial = formFromSettings(saved);
    current = { initial, form: initial };
    setState(current);
  }
  const form = current?.form ?? null;
  return {
    form,
    errors: form ? validate(form) : {},
    set: (patch) => setState((s) => (s ? { ...s, form: { ...s.form, ...patch } } : s)),
    patch: () => (current && saved ? changedFields(current.form, current.initial, saved) : null),
  };
}
