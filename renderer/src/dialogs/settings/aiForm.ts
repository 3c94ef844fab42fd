// Settings → AI as plain data: the fields for some AI settings, what is wrong with what was typed,
// and the patch that saves only what changed. The key is not here: it is stored on its own (ai.setKey).
import { AI_PRESETS, type AiProviderKind, type AiSettingsPatch, type AiSettingsView, type ApprovalPolicy } from '../../../../shared/contract-agent';

export type AskOrAllow = 'ask' | 'allow';

export interface AiForm {
  enabled: boolean;
  provider: AiProviderKind;
  baseUrl: string;
  model: string;
  azureEndpoint: string;
  azureDeployment: string;
  azureApiVersion: string;
  unsafeSends: AskOrAllow;
  unknownHosts: AskOrAllow;
  deletes: AskOrAllow;
  allowedHosts: string[];
  /** As typed. */
  maxSteps: string;
}

export type AiErrors = Partial<Record<'baseUrl' | 'model' | 'azureEndpoint' | 'azureDeployment' | 'azureApiVersion' | 'maxSteps', string>>;

export function formFromAi(v: AiSettingsView): AiForm {
  return {
    enabled: v.enabled,
    provider: v.provider,
    baseUrl: v.baseUrl,
    model: v.model,
    azureEndpoint: v.azure.endpoint,
    azureDeployment: v.azure.deployment,
    azureApiVersion: v.azure.apiVersion,
    unsafeSends: v.approval.unsafeSends,
    unknownHosts: v.approval.unknownHosts,
    deletes: v.approval.deletes,
    allowedHosts: [...v.approval.allowedHosts],
    maxSteps: String(v.maxSteps),
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function parseSteps(text: string): number | null {
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : null;
}

/** Problems with the provider fields; none while AI is off (a half-filled provider may be switched off). */
export function validateAi(form: AiForm): AiErrors {
  const errors: AiErrors = {};
  if (parseSteps(form.maxSteps) === null) errors.maxSteps = 'Enter a whole number of steps from 1 to 100.';
  if (!form.enabled) return errors;
  if (form.provider === 'azure') {
    if (!isHttpUrl(form.azureEndpoint)) errors.azureEndpoint = 'Enter the resource endpoint, such as https://my-resource.openai.azure.com.';
    if (!form.azureDeployment.trim()) errors.azureDeployment = 'Enter the deployment name.';
    if (!form.azureApiVersion.trim()) errors.azureApiVersion = 'Enter the API version, such as 2024-10-21.';
    return errors;
  }
  if (form.provider === 'compatible' && !isHttpUrl(form.baseUrl)) errors.baseUrl = 'Enter the server’s base URL, such as http://127.0.0.1:11434/v1.';
  else if (form.provider === 'openai' && form.baseUrl.trim() && !isHttpUrl(form.baseUrl)) errors.baseUrl = 'Enter an http(s) URL, or leave it empty for api.openai.com.';
  if (!form.model.trim()) errors.model = 'Enter a model name.';
  return errors;
}

function approvalOf(f: AiForm): ApprovalPolicy {
  return { unsafeSends: f.unsafeSends, unknownHosts: f.unknownHosts, deletes: f.deletes, allowedHosts: f.allowedHosts };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the user changed (azure and approval go whole); null while the form has errors. */
export function aiPatch(form: AiForm, initial: AiForm): AiSettingsPatch | null {
  if (Object.keys(validateAi(form)).length) return null;
  const patch: AiSettingsPatch = {};
  if (form.enabled !== initial.enabled) patch.enabled = form.enabled;
  if (form.provider !== initial.provider) patch.provider = form.provider;
  if (form.baseUrl.trim() !== initial.baseUrl) patch.baseUrl = form.baseUrl.trim();
  if (form.model.trim() !== initial.model) patch.model = form.model.trim();
  const azure = { endpoint: form.azureEndpoint.trim(), deployment: form.azureDeployment.trim(), apiVersion: form.azureApiVersion.trim() };
  if (!same(azure, { endpoint: initial.azureEndpoint, deployment: initial.azureDeployment, apiVersion: initial.azureApiVersion })) patch.azure = azure;
  if (!same(approvalOf(form), approvalOf(initial))) patch.approval = approvalOf(form);
  const steps = parseSteps(form.maxSteps)!;
  if (String(steps) !== initial.maxSteps) patch.maxSteps = steps;
  return patch;
}

/** The preset whose URL the base URL is ('' for none): the preset menu shows it. */
export function presetOf(baseUrl: string): string {
  return AI_PRESETS.find((p) => p.baseUrl === baseUrl.trim().replace(/\/+$/, ''))?.id ?? '';
}

/** Picking a preset: an OpenAI-compatible provider at the preset's URL. */
export function applyPreset(form: AiForm, presetId: string): AiForm {
  const preset = AI_PRESETS.find((p) => p.id === presetId);
  return preset ? { ...form, provider: 'compatible', baseUrl: preset.baseUrl } : form;
}
