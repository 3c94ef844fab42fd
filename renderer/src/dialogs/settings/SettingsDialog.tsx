// Settings (top bar gear, Ctrl/Cmd+,): theme, response body limit, default request timeout.
// Save sends only the fields that changed; Cancel or Escape drops the edits.
import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../../common/Dialog';
import { useDialogs } from '../../state/dialogs';
import { useSettings } from '../../state/settings';
import { notify } from '../../state/toasts';
import { NumberField } from './NumberField';
import { ThemeField } from './ThemeField';
import { useSettingsForm } from './useSettingsForm';

const FORM_ID = 'settings-form';

export function SettingsDialog() {
  const close = () => useDialogs.getState().openPanel(null);
  const saved = useSettings((s) => s.settings);
  const { form, errors, set, patch } = useSettingsForm(saved);
  const [busy, setBusy] = useState(false);
  const invalid = Object.keys(errors).length > 0;

  useEffect(() => {
    if (!useSettings.getState().settings) void useSettings.getState().load();
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const changes = patch();
    if (!changes || busy) return;
    if (Object.keys(changes).length === 0) return close();
    setBusy(true);
    const ok = await useSettings.getState().update(changes);
    setBusy(false);
    if (!ok) return;
    notify('Settings saved', 'success');
    close();
  };

  return (
    <Dialog
      title="Settings"
      onClose={close}
      width={600}
      testId="settings-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={FORM_ID} className="button primary" disabled={!form || invalid || busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      {!form ? (
        <p className="muted">Loading…</p>
      ) : (
        <form id={FORM_ID} className="settings-form" noValidate onSubmit={(e) => void save(e)}>
          <ThemeField value={form.theme} onChange={(theme) => set({ theme })} />
          <NumberField
            id="settings-body-limit"
            label="Response body limit (MB)"
            hint="Bodies larger than this are streamed to a file instead of being kept in memory."
            value={form.bodyLimitMb}
            error={errors.bodyLimitMb}
            testId="body-limit-input"
            min={0}
            step="any"
            onChange={(bodyLimitMb) => set({ bodyLimitMb })}
          />
          <NumberField
            id="settings-default-timeout"
            label="Default request timeout (ms)"
            hint="For new requests; 0 means no timeout. Existing requests keep their own."
            value={form.defaultTimeoutMs}
            error={errors.defaultTimeoutMs}
            testId="default-timeout-input"
            min={0}
            step={1000}
            onChange={(defaultTimeoutMs) => set({ defaultTimeoutMs })}
          />
        </form>
      )}
    </Dialog>
  );
}
