// Settings → AI: the one switch, the provider (OpenAI, Azure OpenAI, or any OpenAI-compatible
// server, with presets), the key, "Test connection", and when the agent waits for approval.
import { useState } from 'react';
import { AI_PRESETS, type AiProviderKind } from '../../../../shared/contract-agent';
import { rpc } from '../../rpc';
import { errorMessage } from '../../state/toasts';
import { AskField, TextField } from './AiFields';
import { AiKeyField } from './AiKeyField';
import { applyPreset, presetOf, type AiErrors, type AiForm } from './aiForm';
import { NumberField } from './NumberField';
import { MyAiSwitch } from '../../team/MyAiSwitch';
import { Switch } from '../../team/Switch';

interface Props {
  form: AiForm;
  errors: AiErrors;
  set: (patch: Partial<AiForm>) => void;
  /** Saves the AI fields changed so far; resolves false when they could not be saved. */
  saveAi: () => Promise<boolean>;
}

const PROVIDERS: { value: AiProviderKind; label: string }[] = [
  { value: 'openai', label: 'OpenAI' },
  { value: 'azure', label: 'Azure OpenAI' },
  { value: 'compatible', label: 'OpenAI-compatible (Ollama, LM Studio, vLLM, …)' },
];

function ConnectionTest({ saveAi }: { saveAi: () => Promise<boolean> }) {
  const [state, setState] = useState<{ busy: boolean; ok?: boolean; message?: string }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    if (!(await saveAi())) return setState({ busy: false, ok: false, message: 'Fix the settings above first.' });
    try {
      const r = await rpc['ai.testConnection']({});
      setState({ busy: false, ok: r.ok, message: r.message });
    } catch (err) {
      setState({ busy: false, ok: false, message: errorMessage(err) });
    }
  };
  return (
    <div className="setting-row">
      <span>
        <strong>Connection</strong>
        <small>Saves the AI settings, then makes one small call to the provider.</small>
        {state.message && (
          <p className={`ai-test-result ${state.ok ? 'ok' : 'bad'}`} role="status" data-testid="ai-test-result">
            {state.message}
          </p>
        )}
      </span>
      <button type="button" className="button small" disabled={state.busy} onClick={() => void run()}>
        {state.busy ? 'Testing…' : 'Test connection'}
      </button>
    </div>
  );
}

function ProviderFields({ form, errors, set }: Omit<Props, 'saveAi'>) {
  if (form.provider === 'azure') {
    return (
      <>
        <TextField id="ai-azure-endpoint" label="Azure endpoint" value={form.azureEndpoint} error={errors.azureEndpoint} placeholder="https://my-resource.openai.azure.com" onChange={(azureEndpoint) => set({ azureEndpoint })} />
        <TextField id="ai-azure-deployment" label="Deployment" value={form.azureDeployment} error={errors.azureDeployment} onChange={(azureDeployment) => set({ azureDeployment })} />
        <TextField id="ai-azure-version" label="API version" value={form.azureApiVersion} error={errors.azureApiVersion} onChange={(azureApiVersion) => set({ azureApiVersion })} />
      </>
    );
  }
  return (
    <>
      {form.provider === 'compatible' && (
        <div className="setting-row">
          <span>
            <label htmlFor="ai-preset">
              <strong>Preset</strong>
            </label>
            <small>Fills in the base URL of a local server.</small>
          </span>
          <select id="ai-preset" className="select small" value={presetOf(form.baseUrl)} onChange={(e) => set(applyPreset(form, e.target.value))}>
            <option value="">Custom</option>
            {AI_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        id="ai-base-url"
        label="Base URL"
        hint={form.provider === 'openai' ? 'Leave empty for api.openai.com.' : 'The server’s OpenAI-compatible /v1 URL.'}
        value={form.baseUrl}
        error={errors.baseUrl}
        placeholder={form.provider === 'openai' ? 'https://api.openai.com/v1' : 'http://127.0.0.1:11434/v1'}
        onChange={(baseUrl) => set({ baseUrl })}
      />
      <TextField id="ai-model" label="Model" value={form.model} error={errors.model} onChange={(model) => set({ model })} />
    </>
  );
}

function AllowedHosts({ hosts, onRemove }: { hosts: string[]; onRemove: (host: string) => void }) {
  return (
    <div className="setting-row">
      <span>
        <strong>Always allowed hosts</strong>
        <small>Sends to these hosts never wait for approval (added by “Always allow” on an approval card).</small>
        {hosts.length === 0 ? (
          <small className="muted">None.</small>
        ) : (
          <ul className="ai-hosts" aria-label="Always allowed hosts">
            {hosts.map((h) => (
              <li key={h}>
                <code>{h}</code>
                <button type="button" className="link-button danger" aria-label={`Remove ${h}`} onClick={() => onRemove(h)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </span>
    </div>
  );
}

export function AiPanel({ form, errors, set, saveAi }: Props) {
  return (
    <div className="ai-settings">
      <div className="setting-row">
        <span>
          <strong>Agent Mode (AI)</strong>
          <small>Off hides every AI element: the agent sidebar, its button and the credit meter.</small>
        </span>
        <Switch checked={form.enabled} label="Agent Mode (AI)" onChange={(enabled) => set({ enabled })} testId="ai-enabled" />
      </div>
      <MyAiSwitch />
      <div className="setting-row">
        <span>
          <label htmlFor="ai-provider">
            <strong>Provider</strong>
          </label>
        </span>
        <select id="ai-provider" className="select small" value={form.provider} onChange={(e) => set({ provider: e.target.value as AiProviderKind })}>
          {PROVIDERS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <ProviderFields form={form} errors={errors} set={set} />
      <AiKeyField />
      <ConnectionTest saveAi={saveAi} />
      <h3 className="settings-subhead">Approval</h3>
      <AskField id="ai-unsafe-sends" label="Sends other than GET, HEAD, OPTIONS" value={form.unsafeSends} onChange={(unsafeSends) => set({ unsafeSends })} />
      <AskField id="ai-unknown-hosts" label="Sends to a host no environment names" value={form.unknownHosts} onChange={(unknownHosts) => set({ unknownHosts })} />
      <AskField id="ai-deletes" label="Deleting anything" value={form.deletes} onChange={(deletes) => set({ deletes })} />
      <AllowedHosts hosts={form.allowedHosts} onRemove={(h) => set({ allowedHosts: form.allowedHosts.filter((x) => x !== h) })} />
      <NumberField
        id="ai-max-steps"
        label="Step limit"
        hint="The most model calls one turn may make."
        value={form.maxSteps}
        error={errors.maxSteps}
        testId="ai-max-steps"
        min={1}
        step={1}
        onChange={(maxSteps) => set({ maxSteps })}
      />
    </div>
  );
}
