import { describe, expect, it } from 'vitest';
import { AiSettings, type AiSettingsView } from '../../../../shared/contract-agent';
import { aiPatch, applyPreset, formFromAi, presetOf, validateAi } from './aiForm';

const view: AiSettingsView = { ...AiSettings.parse({}), keyMasked: null };
const initial = formFromAi(view);

describe('validateAi', () => {
  it('the defaults are valid (OpenAI, no base URL)', () => {
    expect(validateAi(initial)).toEqual({});
  });
  it('an OpenAI-compatible provider needs an http(s) base URL and a model', () => {
    const errors = validateAi({ ...initial, provider: 'compatible', baseUrl: 'localhost:11434', model: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['baseUrl', 'model']);
  });
  it('Azure needs endpoint, deployment and API version, not a model', () => {
    const errors = validateAi({ ...initial, provider: 'azure', model: '', azureApiVersion: '' });
    expect(Object.keys(errors).sort()).toEqual(['azureApiVersion', 'azureDeployment', 'azureEndpoint']);
  });
  it('with AI off only the step limit is checked', () => {
    expect(validateAi({ ...initial, enabled: false, provider: 'compatible', baseUrl: '' })).toEqual({});
    expect(validateAi({ ...initial, enabled: false, maxSteps: '0' })).toHaveProperty('maxSteps');
    expect(validateAi({ ...initial, maxSteps: '2.5' })).toHaveProperty('maxSteps');
  });
});

describe('aiPatch', () => {
  it('nothing changed: an empty patch', () => {
    expect(aiPatch(initial, initial)).toEqual({});
  });
  it('sends only what changed, trimmed; approval goes whole', () => {
    const form = { ...initial, enabled: false, model: ' llama3 ', allowedHosts: [] as string[], deletes: 'allow' as const };
    expect(aiPatch(form, initial)).toEqual({
      enabled: false,
      model: 'llama3',
      approval: { unsafeSends: 'ask', unknownHosts: 'ask', deletes: 'allow', allowedHosts: [] },
    });
  });
  it('removing an always-allowed host is a change of the approval policy', () => {
    const start = { ...initial, allowedHosts: ['a.test', 'b.test'] };
    expect(aiPatch({ ...start, allowedHosts: ['b.test'] }, start)?.approval?.allowedHosts).toEqual(['b.test']);
  });
  it('an Azure field sends the whole azure block', () => {
    const form = { ...initial, provider: 'azure' as const, azureEndpoint: 'https://r.openai.azure.com', azureDeployment: 'gpt' };
    expect(aiPatch(form, initial)).toEqual({ provider: 'azure', azure: { endpoint: 'https://r.openai.azure.com', deployment: 'gpt', apiVersion: '2024-10-21' } });
  });
  it('an invalid form: null', () => {
    expect(aiPatch({ ...initial, provider: 'compatible' }, initial)).toBeNull();
  });
});

describe('presets', () => {
  it('picking Ollama makes the provider OpenAI-compatible at its URL, and the menu shows it', () => {
    const form = applyPreset(initial, 'ollama');
    expect(form).toMatchObject({ provider: 'compatible', baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(presetOf(form.baseUrl)).toBe('ollama');
    expect(presetOf('http://127.0.0.1:1234/v1/')).toBe('lmstudio');
    expect(presetOf('http://example.test/v1')).toBe('');
  });
  it('an unknown preset changes nothing', () => {
    expect(applyPreset(initial, 'nope')).toBe(initial);
  });
});
