// Agent Mode as one service, shared by the app's handlers (handlers/agent.ts) and `courier agent`:
// Settings → AI and the key, starting a turn (meter → context → executor → one transaction with the
// turn record, its model calls, its checkpoint and the meter's usage event), cancel, approvals,
// undo, conversations and feedback. Events go out through `emit` as agent.event payloads.
import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import { hostsNamedBy } from '../../../shared/agent/approval.js';
import { maskKey } from '../../../shared/agent/mask-key.js';
import { Redactor } from '../../../shared/agent/redact.js';
import { parseSkill } from '../../../shared/agent/skills.js';
import type {
  ActiveTab,
  AgentEvent,
  AgentSkill,
  AiSettings,
  AiSettingsPatch,
  AiSettingsView,
  ApprovalDecision,
  ConnectionProblem,
  Conversation,
  ConversationSummary,
  Mention,
  TurnProblem,
} from '../../../shared/contract-agent.js';
import { AppError, conflict, notFound } from '../../../shared/errors.js';
import type { EventBus } from '../events.js';
import type { HttpEngine } from '../http/engine.js';
import type { MockManager } from '../mock/mock-manager.js';
import { createSandboxRuntime } from '../runner/sandbox.js';
import type { ScriptRuntime } from '../scripting/types.js';
import type { Workspace } from '../store/workspace.js';
import { readAiSettings, updateAiSettings } from './ai-settings.js';
import { ApprovalBoard } from './approvals.js';
import { restoreSnapshots } from './checkpoint.js';
import { stopOrphanMocks } from './orphan-mocks.js';
import { buildContext } from './context-builder.js';
import { runTurn, type TurnEvent, type TurnOutcome } from './executor.js';
import type { KeyStore } from './key-store.js';
import { createProviderClient, modelOf, ProviderProblem, testConnection, type ProviderConfig } from './provider.js';
import { workspaceSecrets } from './secrets.js';
import { ConversationStore } from './store/conversations.js';
import { workspaceDb } from './store/db.js';
import { systemPrompt } from './system-prompt.js';
import { unmetered, type TurnMeter } from './turn-meter.js';

export interface AgentServiceDeps {
  workspace: Workspace;
  engine: HttpEngine;
  keyStore: KeyStore;
  /** agent.event payloads (the app: the event bus; the CLI: its printer). */
  emit(event: AgentEvent): void;
  /** workspace.changed after a turn or an undo changed assets. */
  events?: EventBus;
  meter?: TurnMeter;
  createScriptRuntime?: () => Promise<ScriptRuntime>;
  /** Settings for this process only (the CLI's --provider-url/--model), over the stored ones. */
  overrides?: Partial<AiSettings>;
  /** Answers every approval at once (the CLI's --approve all|none); absent: the user decides. */
  autoApprove?: 'all' | 'none';
  /** The SDK's retries on 429/5xx/connection errors (default 3). */
  maxRetries?: number;
  /** Previous turns of a conversation the model sees again. */
  historyTurns?: number;
  /** The app's mock servers, which start_mock starts on (absent: start_mock says none can run here). */
  mocks?: MockManager;
}

export interface SendInput {
  conversationId: string | null;
  message: string;
  mentions?: Mention[];
  activeTab?: ActiveTab;
  skill?: AgentSkill;
  environmentId?: string | null;
}

export interface TurnSummary {
  turnId: string;
  conversationId: string;
  status: 'completed' | 'cancelled' | 'failed';
  answer: string;
  error: string | null;
  problem: TurnProblem | null;
}

const TITLE_MAX = 80;

export class AgentService {
  private readonly store: ConversationStore;
  private readonly approvals = new ApprovalBoard();
  private readonly running = new Map<string, { conversationId: string; controller: AbortController; done: Promise<TurnSummary> }>();
  private readonly meter: TurnMeter;

  constructor(private readonly deps: AgentServiceDeps) {
    this.store = new ConversationStore(workspaceDb(deps.workspace));
    this.store.markInterrupted();
    this.meter = deps.meter ?? unmetered;
  }

  // ------------------------------------------------------------------ Settings → AI

  settings(): AiSettings {
    return { ...readAiSettings(this.deps.workspace), ...this.deps.overrides };
  }

  settingsView(): AiSettingsView {
    let key: string | null = null;
    try {
      key = this.deps.keyStore.get();
    } catch {
      // A damaged or undecryptable key reads as none here; a turn or Test connection says why.
    }
    return { ...this.settings(), keyMasked: maskKey(key) };
  }

  updateSettings(patch: AiSettingsPatch): AiSettingsView {
    updateAiSettings(this.deps.workspace, patch);
    return this.settingsView();
  }

  setKey(key: string | null): { keyMasked: string | null } {
    this.deps.keyStore.set(key);
    return { keyMasked: maskKey(key) };
  }

  async testConnection(): Promise<{ ok: boolean; problem: ConnectionProblem | null; message: string }> {
    try {
      return await testConnection(this.providerConfig());
    } catch (err) {
      if (err instanceof ProviderProblem) return { ok: false, problem: err.problem, message: err.message };
      throw err;
    }
  }

  private providerConfig(): ProviderConfig {
    let apiKey: string | null;
    try {
      apiKey = this.deps.keyStore.get();
    } catch (err) {
      throw new ProviderProblem('not_configured', err instanceof Error ? err.message : String(err));
    }
    return { settings: this.settings(), apiKey, maxRetries: this.deps.maxRetries };
  }

  // ------------------------------------------------------------------ turns

  /** Starts a turn; its events follow through `emit`. `done` settles when it is stored. */
  start(input: SendInput): { conversationId: string; turnId: string; done: Promise<TurnSummary> } {
    const settings = this.settings();
    if (!settings.enabled) throw new AppError('FORBIDDEN', 'AI is turned off in Settings → AI.');
    const parsed = parseSkill(input.message);
    const skill = input.skill ?? parsed.skill;
    const text = input.skill || !parsed.skill ? input.message.trim() : parsed.text || `/${parsed.skill}`;
    const now = new Date().toISOString();
    let conversationId = input.conversationId;
    if (conversationId && !this.store.exists(conversationId)) throw notFound('Conversation', conversationId);
    if (conversationId && this.runningIn(conversationId)) throw conflict('A turn of this conversation is still running; wait for it or cancel it.');
    const turnId = randomUUID();
    const model = modelOf(settings);
    const mentions = input.mentions ?? [];
    this.deps.workspace.transaction(() => {
      if (!conversationId) {
        conversationId = randomUUID();
        this.store.createConversation(conversationId, titleOf(input.message), now);
      }
      this.store.startTurn({ id: turnId, conversationId, skill, message: input.message, mentions, model, now });
    });
    const ids = { conversationId: conversationId as string, turnId };
    const controller = new AbortController();
    const emit = (e: TurnEvent) => this.deps.emit({ ...e, ...ids } as AgentEvent);
    // Started on the next tick, so the caller knows the ids before the first event.
    const done = new Promise<void>((r) => setImmediate(r)).then(() =>
      this.execute({ ...ids, input, skill, text, settings, model, mentions, controller, emit }),
    );
    this.running.set(turnId, { conversationId: ids.conversationId, controller, done });
    void done.finally(() => this.running.delete(turnId));
    return { ...ids, done };
  }

  private async execute(t: {
    conversationId: string;
    turnId: string;
    input: SendInput;
    skill: AgentSkill | null;
    text: string;
    settings: AiSettings;
    model: string;
    mentions: Mention[];
    controller: AbortController;
    emit(e: TurnEvent): void;
  }): Promise<TurnSummary> {
    const { workspace } = this.deps;
    t.emit({ type: 'turn.start', message: t.input.message, skill: t.skill, model: t.model });
    const fail = (message: string, problem: TurnProblem) => this.finish(t, null, { status: 'failed', answer: '', error: message, problem });
    try {
      await this.meter.prepare?.();
      const decision = this.meter.beforeTurn();
      if (!decision.allowed) return fail(decision.message, 'refused');
      let client: OpenAI;
      try {
        client = createProviderClient(this.providerConfig());
      } catch (err) {
        if (err instanceof ProviderProblem) return fail(err.message, err.problem);
        throw err;
      }
      const environmentId = t.input.environmentId === undefined ? workspace.getSettings().activeEnvironmentId : t.input.environmentId;
      const redactor = new Redactor(workspaceSecrets(workspace, t.input.activeTab));
      const knownHosts = hostsNamedBy(workspace.listEnvironments().flatMap((e) => e.variables.map((v) => v.value)));
      const context = buildContext(workspace, { activeTab: t.input.activeTab, mentions: t.mentions, environmentId });
      const signal = t.controller.signal;
      const outcome = await runTurn(
        {
          client,
          model: t.model,
          settings: t.settings,
          maxSteps: t.settings.maxSteps,
          policy: t.settings.approval,
          askForEdits: t.skill === 'debug',
          knownHosts,
          redactor,
          tools: {
            workspace,
            engine: this.deps.engine,
            events: this.deps.events,
            environmentId,
            createScriptRuntime: this.deps.createScriptRuntime ?? createSandboxRuntime,
            activeTab: t.input.activeTab,
            mocks: this.deps.mocks,
          },
          signal,
          emit: t.emit,
          requestApproval: (r) => {
            if (this.deps.autoApprove) return Promise.resolve(this.deps.autoApprove === 'all' ? 'approve' : 'deny');
            return this.approvals.wait(t.turnId, r.approvalId, signal);
          },
          onAlwaysAllowHost: (host) => {
            const approval = readAiSettings(workspace).approval;
            if (!approval.allowedHosts.includes(host)) updateAiSettings(workspace, { approval: { ...approval, allowedHosts: [...approval.allowedHosts, host] } });
          },
          onProgress: (steps, recorder) => this.store.saveProgress(t.turnId, steps, [...recorder.list]),
        },
        {
          system: systemPrompt(t.skill),
          context,
          history: t.input.conversationId ? this.store.transcript(t.conversationId, this.deps.historyTurns ?? 10) : [],
          message: t.text,
        },
      );
      return this.finish(t, outcome, outcome);
    } catch (err) {
      return fail(`Agent Mode failed: ${err instanceof Error ? err.message : String(err)}`, 'internal');
    }
  }

  /** Stores the turn with its model calls and checkpoint, and books it, in one transaction. */
  private finish(
    t: { conversationId: string; turnId: string; model: string; emit(e: TurnEvent): void },
    outcome: TurnOutcome | null,
    end: { status: TurnOutcome['status']; answer: string; error: string | null; problem: TurnProblem | null },
  ): TurnSummary {
    const finishedAt = new Date().toISOString();
    const checkpoint = outcome?.recorder.checkpoint() ?? { created: [], changed: [] };
    const calls = outcome?.calls ?? [];
    const record = (r: typeof end, withCalls: boolean) =>
      this.store.finishTurn({
        id: t.turnId,
        status: r.status,
        answer: r.answer,
        error: r.error,
        steps: outcome?.steps ?? [],
        checkpoint,
        snapshots: outcome ? [...outcome.recorder.list] : [],
        transcript: outcome && r.status !== 'failed' ? outcome.transcript : [],
        calls: withCalls ? calls : [],
        finishedAt,
      });
    try {
      this.deps.workspace.transaction(() => {
        record(end, true);
        this.meter.recordTurn({ turnId: t.turnId, model: t.model, occurredAt: finishedAt, status: end.status, calls });
      });
    } catch (err) {
      // Neither the turn's record nor its usage was written. The workspace changes stay (and can be
      // undone: the snapshots are kept); the turn is stored as failed, without calls, and unbooked.
      end = { status: 'failed', answer: end.answer, error: `The turn could not be recorded: ${err instanceof Error ? err.message : String(err)}`, problem: 'internal' };
      record(end, false);
    }
    try {
      this.meter.afterTurn?.();
    } catch {
      // the meter's nudge must not turn a stored turn into a failure
    }
    if (checkpoint.created.length || checkpoint.changed.length) {
      t.emit({ type: 'turn.checkpoint', checkpoint });
      this.announceChanges(checkpoint.created.concat(checkpoint.changed).map((c) => c.kind));
    }
    if (end.status === 'failed') t.emit({ type: 'turn.error', message: end.error ?? 'The turn failed', problem: end.problem ?? 'internal' });
    else t.emit({ type: 'turn.done', status: end.status, stopReason: outcome?.stopReason ?? 'answer', answer: end.answer, calls });
    return { turnId: t.turnId, conversationId: t.conversationId, ...end };
  }

  private announceChanges(kinds: string[]): void {
    const events = this.deps.events;
    if (!events) return;
    if (kinds.some((k) => k === 'collection' || k === 'folder' || k === 'request')) events.emit('workspace.changed', { what: 'tree' });
    if (kinds.some((k) => k === 'environment' || k === 'globals')) events.emit('workspace.changed', { what: 'environments' });
    if (kinds.includes('spec')) events.emit('workspace.changed', { what: 'specs' });
  }

  cancel(turnId: string): boolean {
    const r = this.running.get(turnId);
    if (!r) return false;
    r.controller.abort();
    return true;
  }

  approve(approvalId: string, decision: ApprovalDecision): boolean {
    return this.approvals.decide(approvalId, decision);
  }

  /** Restores what the turn created and changed (a mock of a spec or collection it removes stops); later turns that changed things must be undone first. */
  undoTurn(turnId: string): { restored: number; removed: number } {
    const turn = this.store.getTurn(turnId);
    if (turn.status === 'running') throw conflict('This turn is still running; cancel it first.');
    if (turn.undoneAt) throw conflict('This turn was already undone.');
    if (this.store.laterLiveTurns(turnId).length) throw conflict('A later turn of this conversation changed the workspace too; undo it first.');
    const result = this.deps.workspace.transaction(() => {
      const r = restoreSnapshots(this.deps.workspace, turn.snapshots);
      this.store.markUndone(turnId, new Date().toISOString());
      return r;
    });
    this.announceChanges(turn.snapshots.map((s) => s.kind));
    if (this.deps.mocks) void stopOrphanMocks(this.deps.workspace, this.deps.mocks);
    return result;
  }

  /** Settles when every running turn has been stored (after cancelling them, when asked). */
  async close(cancel = true): Promise<void> {
    const all = [...this.running.values()];
    if (cancel) for (const r of all) r.controller.abort();
    await Promise.allSettled(all.map((r) => r.done));
  }

  // ------------------------------------------------------------------ conversations

  conversations(): ConversationSummary[] {
    return this.store.list();
  }

  conversation(id: string): Conversation {
    return { ...this.store.summary(id), turnList: this.store.turns(id) };
  }

  deleteConversation(id: string): void {
    if (this.runningIn(id)) throw conflict('A turn of this conversation is still running; cancel it first.');
    this.store.delete(id);
  }

  private runningIn(conversationId: string): boolean {
    return [...this.running.values()].some((r) => r.conversationId === conversationId);
  }

  feedback(turnId: string, rating: 'up' | 'down' | null): void {
    this.store.setFeedback(turnId, rating);
  }
}

function titleOf(message: string): string {
  const line = message.trim().split('\n')[0] ?? '';
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line || 'New chat';
}
