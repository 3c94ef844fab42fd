// The model provider behind Agent Mode: OpenAI, Azure OpenAI (the SDK's AzureOpenAI) or any
// OpenAI-compatible server by base URL (Ollama, LM Studio, vLLM, llama.cpp server), all through the
// official `openai` SDK. Its errors become a problem code and a message that says plainly what is
// wrong: a bad key, an unreachable provider, an unknown model.
import OpenAI, { AzureOpenAI } from 'openai';
import type { AiSettings, ConnectionProblem } from '../../../shared/contract-agent.js';

export interface ProviderConfig {
  settings: Pick<AiSettings, 'provider' | 'baseUrl' | 'model' | 'azure'>;
  apiKey: string | null;
  /** Attempts after the first on 429/5xx/connection errors, honouring Retry-After (SDK). */
  maxRetries?: number;
  timeoutMs?: number;
}

export class ProviderProblem extends Error {
  constructor(
    readonly problem: ConnectionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderProblem';
  }
}

/** The model name a call sends (Azure: the deployment). */
export function modelOf(settings: ProviderConfig['settings']): string {
  return settings.provider === 'azure' ? settings.azure.deployment || settings.model : settings.model;
}

/** Where calls go, for messages (never with a key). */
export function endpointOf(settings: ProviderConfig['settings']): string {
  if (settings.provider === 'azure') return settings.azure.endpoint || '(no Azure endpoint set)';
  return settings.baseUrl || 'https://api.openai.com/v1';
}

export function createProviderClient(config: ProviderConfig): OpenAI {
  const { settings } = config;
  const common = { maxRetries: config.maxRetries ?? 3, timeout: config.timeoutMs ?? 120_000 };
  if (settings.provider === 'azure') {
    if (!settings.azure.endpoint) throw new ProviderProblem('not_configured', 'Azure OpenAI needs its endpoint (Settings → AI), e.g. https://my-resource.openai.azure.com/');
    if (!config.apiKey) throw new ProviderProblem('not_configured', 'Azure OpenAI needs an API key (Settings → AI).');
    return new AzureOpenAI({
      ...common,
      endpoint: settings.azure.endpoint,
      deployment: settings.azure.deployment || settings.model,
      apiVersion: settings.azure.apiVersion,
      apiKey: config.apiKey,
    });
  }
  if (settings.provider === 'openai' && !config.apiKey) {
    throw new ProviderProblem('not_configured', 'OpenAI needs an API key (Settings → AI, or --api-key).');
  }
  if (settings.provider === 'compatible' && !settings.baseUrl) {
    throw new ProviderProblem('not_configured', 'An OpenAI-compatible provider needs its base URL (Settings → AI), e.g. http://127.0.0.1:11434/v1 for Ollama.');
  }
  if (!settings.model) throw new ProviderProblem('not_configured', 'No model is set (Settings → AI).');
  // Local servers (Ollama, LM Studio) take any key; the SDK insists on one.
  return new OpenAI({ ...common, baseURL: settings.baseUrl || undefined, apiKey: config.apiKey ?? 'no-key' });
}

/** Turns whatever the SDK threw into a ProviderProblem with a message a user can act on. */
export function describeProviderError(err: unknown, settings: ProviderConfig['settings']): ProviderProblem {
  if (err instanceof ProviderProblem) return err;
  const where = endpointOf(settings);
  const model = modelOf(settings);
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new ProviderProblem('unreachable', `The AI provider at ${where} did not answer in time.`);
  if (err instanceof OpenAI.APIConnectionError) return new ProviderProblem('unreachable', `Cannot reach the AI provider at ${where}: is it running, and is the URL right?`);
  if (err instanceof OpenAI.AuthenticationError || err instanceof OpenAI.PermissionDeniedError) {
    return new ProviderProblem('bad_key', `The AI provider at ${where} refused the API key (${(err as InstanceType<typeof OpenAI.APIError>).status}). Check the key in Settings → AI.`);
  }
  if (err instanceof OpenAI.NotFoundError) {
    return new ProviderProblem('unknown_model', `The AI provider at ${where} does not know the model "${model}" (404). Check the model name${settings.provider === 'azure' ? ' (the Azure deployment)' : ''} and the base URL.`);
  }
  if (err instanceof OpenAI.RateLimitError) return new ProviderProblem('rate_limited', `The AI provider at ${where} is rate limiting (429) and still was after retrying. Try again in a moment.`);
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? 'no status';
    return new ProviderProblem('provider_error', `The AI provider at ${where} failed (${status}): ${shortMessage(err.message)}`);
  }
  return new ProviderProblem('provider_error', `The AI provider at ${where} failed: ${err instanceof Error ? shortMessage(err.message) : String(err)}`);
}

function shortMessage(m: string): string {
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

/** Settings → AI → Test connection: one tiny call, answered as {ok, problem, message}. */
export async function testConnection(config: ProviderConfig): Promise<{ ok: boolean; problem: ConnectionProblem | null; message: string }> {
  try {
    const client = createProviderClient({ ...config, maxRetries: 0, timeoutMs: 20_000 });
    await client.chat.completions.create({ model: modelOf(config.settings), messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
    return { ok: true, problem: null, message: `Connected to ${endpointOf(config.settings)}; the model "${modelOf(config.settings)}" answered.` };
  } catch (err) {
    const p = describeProviderError(err, config.settings);
    return { ok: false, problem: p.problem, message: p.message };
  }
}
