// The agent loop (DESIGN.md §7): context → model call (streaming) → validate each tool call's
// arguments → approval where the policy says → run the tool on the workspace → repeat, bounded in
// steps, cancellable at any moment. Everything sent to the provider passes the turn's Redactor.
// This module runs one turn and answers its outcome; agent-service.ts stores it and meters it.
import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { allowHost, decideApproval } from '../../../shared/agent/approval.js';
import type { Redactor } from '../../../shared/agent/redact.js';
import type { AgentEvent, ApprovalDecision, ApprovalPolicy, ModelCall, ToolStep, TurnProblem } from '../../../shared/contract-agent.js';
import { ChangeRecorder } from './checkpoint.js';
import { describeProviderError, type ProviderConfig } from './provider.js';
import { callModel } from './model-call.js';
import type { TranscriptMessage } from './store/conversations.js';
import { TOOLS_BY_NAME, toolSpecs } from './tools/index.js';
import type { AgentTool, ToolContext, ToolResult } from './tools/types.js';

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
export type TurnEvent = DistributiveOmit<AgentEvent, 'turnId' | 'conversationId'>;

export interface ApprovalRequest {
  approvalId: string;
  callId: string;
  tool: string;
  summary: string;
  reason: string;
  host?: string;
}

export interface ExecutorOptions {
  client: OpenAI;
  model: string;
  settings: ProviderConfig['settings'];
  maxSteps: number;
  /** Invalid tool calls the model may repair in one turn before the turn fails. */
  maxRepairs?: number;
  policy: ApprovalPolicy;
  /** /debug: edits wait for approval too (the fix is proposed, then applied when approved). */
  askForEdits?: boolean;
  /** Hosts the workspace's environments name (judged once, at the start of the turn). */
  knownHosts: ReadonlySet<string>;
  redactor: Redactor;
  tools: Omit<ToolContext, 'recorder' | 'signal' | 'responses'>;
  signal: AbortSignal;
  emit(event: TurnEvent): void;
  /** Resolves with the user's decision; rejects when the turn is cancelled. */
  requestApproval(request: ApprovalRequest): Promise<ApprovalDecision>;
  onAlwaysAllowHost?(host: string): void;
  /** After each tool call: the steps so far and the checkpoint's snapshots (kept for a crash). */
  onProgress?(steps: ToolStep[], recorder: ChangeRecorder): void;
}

export interface TurnInput {
  system: string;
  context: string;
  history: TranscriptMessage[];
  message: string;
}

export interface TurnOutcome {
  status: 'completed' | 'cancelled' | 'failed';
  stopReason: 'answer' | 'cancelled' | 'step_limit';
  answer: string;
  error: string | null;
  problem: TurnProblem | null;
  steps: ToolStep[];
  calls: ModelCall[];
  recorder: ChangeRecorder;
  /** This turn's messages as sent (redacted): the user's, the assistant's, the tools'. */
  transcript: TranscriptMessage[];
}

const DEFAULT_REPAIRS = 3;
const SHOWN_ARGS = 4000;
const estimateTokens = (chars: number) => Math.ceil(chars / 4);

function redactMessage(redactor: Redactor, m: ChatCompletionMessageParam): ChatCompletionMessageParam {
  const out = { ...m } as ChatCompletionMessageParam & { content?: unknown; tool_calls?: { function: { name: string; arguments: string } }[] };
  if (typeof out.content === 'string') out.content = redactor.text(out.content);
  if (out.tool_calls) out.tool_calls = out.tool_calls.map((tc) => ({ ...tc, function: { ...tc.function, arguments: redactor.text(tc.function.arguments) } }));
  return out;
}

/**
 * The messages as the provider gets them. Messages only ever get appended, so each is redacted
 * once, when first sent (what was sent before cannot be unsent anyway).
 */
class OutgoingMessages {
  private readonly redacted: ChatCompletionMessageParam[] = [];

  constructor(
    private readonly redactor: Redactor,
    private readonly messages: ChatCompletionMessageParam[],
  ) {}

  all(): ChatCompletionMessageParam[] {
    for (let i = this.redacted.length; i < this.messages.length; i++) this.redacted.push(redactMessage(this.redactor, this.messages[i]));
    return this.redacted;
  }

  from(index: number): ChatCompletionMessageParam[] {
    return this.all().slice(index);
  }
}

function isAbort(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (err instanceof Error && (err.name === 'AbortError' || err.name === 'APIUserAbortError'));
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function runTurn(options: ExecutorOptions, input: TurnInput): Promise<TurnOutcome> {
  const { redactor, signal, emit } = options;
  const recorder = new ChangeRecorder(options.tools.workspace);
  const maxRepairs = options.maxRepairs ?? DEFAULT_REPAIRS;
  let policy = options.policy;
  const steps: ToolStep[] = [];
  const calls: ModelCall[] = [];
  const responses = new Map();
  const ctx: ToolContext = { ...options.tools, recorder, signal, responses };
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: input.system },
    { role: 'system', content: `What Courier knows at the start of this turn:\n\n${input.context}` },
    ...(input.history as unknown as ChatCompletionMessageParam[]),
    { role: 'user', content: input.message },
  ];
  const transcriptFrom = messages.length - 1;
  const sent = new OutgoingMessages(redactor, messages);
  const tools = toolSpecs() as ChatCompletionTool[];
  let repairs = 0;
  let lastText = '';

  const outcome = (o: Pick<TurnOutcome, 'status' | 'stopReason' | 'answer' | 'error' | 'problem'>): TurnOutcome => ({
    ...o,
    steps,
    calls,
    recorder,
    transcript: sent.from(transcriptFrom) as unknown as TranscriptMessage[],
  });
  const cancelled = () => outcome({ status: 'cancelled', stopReason: 'cancelled', answer: lastText, error: null, problem: null });

  for (let step = 0; step < options.maxSteps; step++) {
    if (signal.aborted) return cancelled();
    const outgoing = sent.all();
    let reply;
    try {
      reply = await callModel(options.client, { model: options.model, messages: outgoing, tools }, signal, (text) => emit({ type: 'text.delta', text }));
    } catch (err) {
      if (isAbort(err, signal)) return cancelled();
      const p = describeProviderError(err, options.settings);
      return outcome({ status: 'failed', stopReason: 'answer', answer: '', error: p.message, problem: p.problem });
    }
    const call: ModelCall = reply.usage
      ? { ...reply.usage, assetWrite: false }
      : {
          inputTokens: estimateTokens(JSON.stringify(outgoing).length),
          outputTokens: estimateTokens(reply.text.length + reply.toolCalls.reduce((n, c) => n + c.arguments.length + c.name.length, 0)),
          assetWrite: false,
        };
    calls.push(call);
    lastText = reply.text;
    messages.push({
      role: 'assistant',
      content: reply.text || null,
      ...(reply.toolCalls.length
        ? { tool_calls: reply.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } })) }
        : {}),
    });
    if (reply.toolCalls.length === 0) return outcome({ status: 'completed', stopReason: 'answer', answer: reply.text, error: null, problem: null });

    for (const tc of reply.toolCalls) {
      if (signal.aborted) {
        messages.push({ role: 'tool', tool_call_id: tc.id, content: JSON.stringify({ error: 'Cancelled by the user' }) });
        continue;
      }
      // What the step list shows (an OpenAPI document as an argument is cut, not repeated whole).
      const redactedArgs = redactor.text(tc.arguments);
      const shownArgs = redactedArgs.length > SHOWN_ARGS ? `${redactedArgs.slice(0, SHOWN_ARGS)}…` : redactedArgs;
      emit({ type: 'tool.start', callId: tc.id, tool: tc.name, args: shownArgs });
      const done = (status: ToolStep['status'], summary: string, content: ToolResult) => {
        const stepRecord: ToolStep = { callId: tc.id, tool: tc.name, args: shownArgs, status, summary: redactor.text(summary) };
        steps.push(stepRecord);
        messages.push({ role: 'tool', tool_call_id: tc.id, content: JSON.stringify(redactor.deep(content)) });
        emit({ type: 'tool.end', step: stepRecord });
        options.onProgress?.(steps, recorder);
      };
      const tool = TOOLS_BY_NAME.get(tc.name);
      const parsed = tool ? parseArguments(tool, redactor.reveal(tc.arguments)) : { ok: false as const, error: `There is no tool named "${tc.name}". The tools are: ${[...TOOLS_BY_NAME.keys()].join(', ')}.` };
      if (!tool || !parsed.ok) {
        repairs++;
        done('error', `Invalid call: ${parsed.ok ? '' : parsed.error}`.slice(0, 300), { error: parsed.ok ? 'invalid call' : parsed.error, hint: 'Fix the arguments and call the tool again.' });
        continue;
      }
      try {
        const action = tool.approval?.(parsed.args, ctx) ?? (tool.effect === 'write' ? { kind: 'edit' as const, what: tc.name } : undefined);
        if (action) {
          const verdict = decideApproval(action, policy, options.knownHosts, { askForEdits: options.askForEdits });
          if (verdict.ask) {
            const approvalId = randomUUID();
            const summary = action.kind === 'send' ? `${action.method} ${action.url}` : action.kind === 'delete' ? `Delete ${action.what}` : `${tc.name} ${shownArgs}`;
            const request: ApprovalRequest = { approvalId, callId: tc.id, tool: tc.name, summary: redactor.text(summary), reason: verdict.reason, ...(verdict.host ? { host: verdict.host } : {}) };
            emit({ type: 'approval.request', ...request });
            let decision: ApprovalDecision;
            try {
              decision = await options.requestApproval(request);
            } catch {
              done('denied', 'Cancelled while waiting for approval', { error: 'Cancelled by the user' });
              continue;
            }
            emit({ type: 'approval.resolved', approvalId, decision });
            if (decision === 'deny') {
              done('denied', `Denied: ${request.summary}`, { error: 'The user denied this call, so it was not made. Do not retry it; continue without it or ask the user.' });
              continue;
            }
            if (decision === 'always' && verdict.host) {
              policy = allowHost(policy, verdict.host);
              options.onAlwaysAllowHost?.(verdict.host);
            }
          }
        }
        const result = await tool.run(parsed.args, ctx);
        if (tool.effect === 'write') call.assetWrite = true;
        done('ok', tool.summarize ? tool.summarize(parsed.args, result) : `${tc.name} done`, result);
      } catch (err) {
        if (isAbort(err, signal)) {
          done('error', 'Cancelled', { error: 'Cancelled by the user' });
          continue;
        }
        done('error', errorMessage(err).slice(0, 300), { error: errorMessage(err) });
      }
    }
    if (signal.aborted) return cancelled();
    if (repairs > maxRepairs) {
      return outcome({
        status: 'failed',
        stopReason: 'answer',
        answer: lastText,
        error: `The model sent ${repairs} invalid tool calls in this turn and was stopped. Try again, or a more capable model.`,
        problem: 'bad_output',
      });
    }
  }
  const note = `Stopped after ${options.maxSteps} model calls (the step limit in Settings → AI).`;
  return outcome({ status: 'completed', stopReason: 'step_limit', answer: lastText ? `${lastText}\n\n${note}` : note, error: note, problem: null });
}

function parseArguments(tool: AgentTool, raw: string): { ok: true; args: unknown } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `The arguments of ${tool.name} are not valid JSON (${errorMessage(err)}).` };
  }
  const parsed = tool.schema.safeParse(json);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ');
  return { ok: false, error: `The arguments of ${tool.name} do not fit its schema: ${issues}` };
}
