// One streamed Chat Completions call through the `openai` SDK: text deltas are handed on as they
// arrive, tool calls are put together from their streamed pieces, and the usage comes from the final
// chunk (stream_options.include_usage). Retries on 429/5xx (honouring Retry-After) are the SDK's,
// bounded by the client's maxRetries; the AbortSignal cancels at any moment.
import type OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';

export interface StreamedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface ModelReply {
  text: string;
  toolCalls: StreamedToolCall[];
  /** Null when the provider sent no usage (some compatible servers): the caller estimates. */
  usage: { inputTokens: number; outputTokens: number } | null;
  finishReason: string | null;
}

export async function callModel(
  client: OpenAI,
  request: { model: string; messages: ChatCompletionMessageParam[]; tools: ChatCompletionTool[] },
  signal: AbortSignal,
  onText: (delta: string) => void,
): Promise<ModelReply> {
  // One controller per call, linked to the turn's signal and unlinked after: the SDK leaves its
  // listener on the signal it is given, and a turn makes many calls.
  const call = new AbortController();
  const forward = () => call.abort();
  signal.addEventListener('abort', forward, { once: true });
  try {
    return await streamOnce(client, request, signal, call.signal, onText);
  } finally {
    signal.removeEventListener('abort', forward);
  }
}

async function streamOnce(
  client: OpenAI,
  request: { model: string; messages: ChatCompletionMessageParam[]; tools: ChatCompletionTool[] },
  signal: AbortSignal,
  callSignal: AbortSignal,
  onText: (delta: string) => void,
): Promise<ModelReply> {
  const stream = await client.chat.completions.create(
    {
      model: request.model,
      messages: request.messages,
      ...(request.tools.length ? { tools: request.tools } : {}),
      stream: true,
      stream_options: { include_usage: true },
    },
    { signal: callSignal },
  );
  let text = '';
  const calls: StreamedToolCall[] = [];
  let usage: ModelReply['usage'] = null;
  let finishReason: string | null = null;
  for await (const chunk of stream) {
    if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0 };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if (choice.finish_reason) finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (delta?.content) {
      text += delta.content;
      onText(delta.content);
    }
    for (const piece of delta?.tool_calls ?? []) {
      const at = piece.index ?? calls.length;
      const call = (calls[at] ??= { id: '', name: '', arguments: '' });
      if (piece.id) call.id = piece.id;
      // OpenAI sends the name once; some compatible servers repeat it in every piece.
      const name = piece.function?.name;
      if (name && name !== call.name) call.name += name;
      if (piece.function?.arguments) call.arguments += piece.function.arguments;
    }
  }
  // An abort can end the stream quietly: a call cut short is not a completed call.
  if (signal.aborted) throw Object.assign(new Error('The model call was cancelled'), { name: 'AbortError' });
  return { text, toolCalls: calls.filter(Boolean).map((c, i) => ({ ...c, id: c.id || `call_${i}` })), usage, finishReason };
}
