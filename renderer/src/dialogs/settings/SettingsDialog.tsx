// Settings (top bar gear, Ctrl/Cmd+,): General (theme, response body limit, default request
// timeout) and AI (Agent Mode's switch, provider, key, approval). Save sends only the fields that
// changed; Cancel or Escape drops the edits (a key stored or removed is stored at once).
import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../../common/Dialog';
import { TabPanel, TabStrip } from '../../common/TabStrip';
import { useAiSettings } from '../../state/aiSettings';
import { useCredits } from '../../state/credits';
import { useDialogs } from '../../state/dialogs';
import { useSettings } from '../../state/settings';
import { notify } from '../../state/toasts';
import { AiPanel } from './AiPanel';
import { NumberField } from './NumberField';
import { ThemeField } from './ThemeField';
import { useAiForm } from './useAiForm';
import { useSettingsForm } from './useSettingsForm';

const FORM_ID = 'settings-form';
type Section = 'general' | 'ai';

export function SettingsDialog() {
  const close = () => useDialogs.getState().openPanel(null);
  const saved = useSettings((s) => s.settings);
  const { form, errors, set, patch } = useSettingsForm(saved);
  const ai = useAiForm(useAiSettings((s) => s.view));
  const [section, setSection] = useState<Section>('general');
  const [busy, setBusy] = useState(false);
  const aiInvalid = Object.keys(ai.errors).length > 0;
  const invalid = Object.keys(errors).length > 0 || aiInvalid;

  useEffect(() => {
    if (!useSettings.getState().settings) void useSettings.getState().load();
    if (!useAiSettings.getState().view) void useAiSettings.getState().load();
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const changes = patch();
    if (!changes || busy) return;
    setBusy(true);
    const ok = (Object.keys(changes).length === 0 || !!(await useSettings.getState().update(changes))) && (await ai.save());
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
          <button
            type="button"
            className="button plain team-settings-link"
            onClick={() => {
              close();
              useCredits.getState().openTeam('team');
            }}
          >
            Team Settings…
          </button>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={FORM_ID} className="button primary" disabled={!form || invalid || busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <TabStrip
        tabs={[
          { key: 'general', label: 'General' },
          // Save stays off while the AI fields are wrong: the tab says so from the other tab too.
          aiInvalid
            ? {
                key: 'ai',
                label: (
                  <>
                    AI <span className="settings-tab-alert" aria-hidden="true">!</span>
                  </>
                ),
                ariaLabel: 'AI (needs fixing)',
              }
            : { key: 'ai', label: 'AI' },
        ]}
        active={section}
        onChange={setSection}
        label="Settings sections"
        idPrefix="settings"
      />
      {!form ? (
        <p className="muted">Loading…</p>
      ) : (
        <form id={FORM_ID} className="settings-form" noValidate onSubmit={(e) => void save(e)}>
          <TabPanel idPrefix="settings" tabKey="general" active={section === 'general'}>
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
          </TabPanel>
          <TabPanel idPrefix="settings" tabKey="ai" active={section === 'ai'}>
            {ai.form ? <AiPanel form={ai.form} errors={ai.errors} set={ai.set} saveAi={ai.save} /> : <p className="muted">Loading…</p>}
          </TabPanel>
        </form>
      )}
    </Dialog>
  );
}
