// A scripted model server on loopback speaking the OpenAI Chat Completions wire protocol: the only
// stand-in in Courier's tests (the real `openai` SDK talks to it over a real socket). Its script is
// a list of steps, one per POST /v1/chat/completions, each answering with streamed text, tool calls
// (arguments streamed in pieces), an HTTP error (429 with Retry-After, 500, 401, 404 model) or a
// hang (for cancel). Streaming (SSE) and non-streaming both work; `usage` comes in the final chunk
// when the request asks with stream_options.include_usage. Every request body is recorded.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ScriptedToolCall {
  name: string;
  /** An object is sent as its JSON; a string as it is (so a test can send broken JSON). */
  arguments: unknown;
  id?: string;
}

export type ModelStep =
  | { kind: 'text'; text: string; usage?: Usage }
  | { kind: 'tool_calls'; calls: ScriptedToolCall[]; text?: string; usage?: Usage }
  | { kind: 'error'; status: number; message?: string; code?: string; headers?: Record<string, string> }
  /** Answers 200 and streams `text` (if any), then never finishes: only a cancel ends it. */
  | { kind: 'hang'; text?: string };

/** A step, or a function of the request (to use ids the tools answered earlier in the turn). */
export type ScriptEntry = ModelStep | ((request: ChatRequest) => ModelStep);

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface ChatMessage {
  role: string;
  content?: string | null;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: { function: { name: string } }[];
  [k: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body text, as it arrived. */
  raw: string;
  body: ChatRequest | null;
}

export interface ModelServer {
  /** The base URL to give the SDK (ends in /v1). */
  url: string;
  requests: RecordedRequest[];
  /** Appends steps to the script. */
  push(...steps: ScriptEntry[]): void;
  /** Steps not yet answered. */
  remaining(): number;
  close(): Promise<void>;
}

export const DEFAULT_USAGE: Usage = { prompt_tokens: 120, completion_tokens: 30 };

/** The parsed JSON of the newest tool result in the request (what the last tool call answered). */
export function lastToolResult(request: ChatRequest): Record<string, unknown> {
  const tool = [...request.messages].reverse().find((m) => m.role === 'tool');
  return tool?.content ? (JSON.parse(tool.content) as Record<string, unknown>) : {};
}

/** Every tool result of the request, parsed, oldest first. */
export function toolResults(request: ChatRequest): Record<string, unknown>[] {
  return request.messages.filter((m) => m.role === 'tool' && m.content).map((m) => JSON.parse(m.content as string) as Record<string, unknown>);
}

/** Splits a string into `n` pieces of about the same length (tool arguments streamed in pieces). */
function pieces(text: string, n: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

export async function startModelServer(script: ScriptEntry[] = []): Promise<ModelServer> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      let body: ChatRequest | null = null;
      try {
        body = JSON.parse(raw) as ChatRequest;
      } catch {
        body = null;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body });
      const pathname = (req.url ?? '').split('?')[0];
      if (req.method !== 'POST' || !pathname.endsWith('/chat/completions') || !body) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `No route ${req.method} ${req.url}` } }));
        return;
      }
      const entry = queue.shift();
      if (!entry) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'The model script is exhausted' } }));
        return;
      }
      const step = typeof entry === 'function' ? entry(body) : entry;
      answer(step, body, res, `chatcmpl-${++seq}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...steps) => queue.push(...steps),
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(step: ModelStep, body: ChatRequest, res: http.ServerResponse, id: string): void {
  if (step.kind === 'error') {
    const type = step.status === 401 ? 'invalid_request_error' : step.status === 429 ? 'rate_limit_error' : step.status === 404 ? 'invalid_request_error' : 'server_error';
    const code = step.code ?? (step.status === 401 ? 'invalid_api_key' : step.status === 404 ? 'model_not_found' : null);
    const message =
      step.message ??
      (step.status === 401 ? 'Incorrect API key provided.' : step.status === 404 ? `The model \`${body.model}\` does not exist.` : step.status === 429 ? 'Rate limit reached.' : 'The server had an error.');
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers }).end(JSON.stringify({ error: { message, type, code } }));
    return;
  }
  const created = Math.floor(Date.now() / 1000);
  const model = body.model;
  const usage = step.kind === 'hang' ? DEFAULT_USAGE : (step.usage ?? DEFAULT_USAGE);
  const toolCalls =
    step.kind === 'tool_calls'
      ? step.calls.map((c, i) => ({ id: c.id ?? `call_${id}_${i}`, name: c.name, args: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) }))
      : [];
  const text = step.kind === 'text' ? step.text : (step.text ?? '');
  const finish = toolCalls.length ? 'tool_calls' : 'stop';

  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: text || null,
              ...(toolCalls.length ? { tool_calls: toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.args } })) } : {}),
            },
            finish_reason: finish,
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`);
  send([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  for (const piece of text ? pieces(text, Math.min(4, text.length)) : []) send([{ index: 0, delta: { content: piece }, finish_reason: null }]);
  if (step.kind === 'hang') return; // never ends: the client cancels
  toolCalls.forEach((c, index) => {
    send([{ index: 0, delta: { tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }, finish_reason: null }]);
    for (const p of pieces(c.args, 3)) send([{ index: 0, delta: { tool_calls: [{ index, function: { arguments: p } }] }, finish_reason: null }]);
  });
  send([{ index: 0, delta: {}, finish_reason: finish }]);
  if (body.stream_options?.include_usage) send([], { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
  res.end('data: [DONE]\n\n');
}
