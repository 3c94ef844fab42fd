// The Agent Mode part of the IPC contract (DESIGN.md §7): channels and push events. contract.ts
// spreads these into the one table, so both transports serve them like every other channel.
//
// How a turn flows: agent.send answers at once with {conversationId, turnId}; the turn then
// streams as `agent.event` push events (turn.start … turn.done | turn.error), every event carrying
// its turnId. A tool call that needs the user's click emits approval.request and waits for
// agent.approve. agent.conversations.get returns the stored turns (messages, tool steps, the
// checkpoint card with diffs) for a conversation reopened later.
import { z } from 'zod';
import { Id, RequestSpec, SendResult } from './model.js';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const TurnId = z.string().min(1).max(64);

// ------------------------------------------------------------------ Settings → AI

export const AiProviderKind = z.enum(['openai', 'azure', 'compatible']);
export type AiProviderKind = z.infer<typeof AiProviderKind>;

/** Presets for OpenAI-compatible local servers: picking one fills baseUrl (provider 'compatible'). */
export const AI_PRESETS = [
  { id: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
  { id: 'lmstudio', label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1' },
  { id: 'vllm', label: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1' },
] as const;

/**
 * When a tool call waits for the user's click (DESIGN.md §7). Defaults: sends other than
 * GET/HEAD/OPTIONS, sends to a host no environment names, and deletes all ask. `allowedHosts`
 * holds the hosts the user chose "always allow for this host" for.
 */
const approvalFields = {
  unsafeSends: z.enum(['ask', 'allow']),
  unknownHosts: z.enum(['ask', 'allow']),
  deletes: z.enum(['ask', 'allow']),
  allowedHosts: z.array(z.string().max(255)).max(1000),
};
export const ApprovalPolicy = z.object({
  unsafeSends: approvalFields.unsafeSends.default('ask'),
  unknownHosts: approvalFields.unknownHosts.default('ask'),
  deletes: approvalFields.deletes.default('ask'),
  allowedHosts: approvalFields.allowedHosts.default([]),
});
export type ApprovalPolicy = z.infer<typeof ApprovalPolicy>;

const aiSettingsFields = {
  /** The one switch: off hides every AI element and refuses agent.send. */
  enabled: z.boolean(),
  provider: AiProviderKind,
  /** OpenAI: empty means api.openai.com; compatible: the server's /v1 URL. */
  baseUrl: z.string().max(2000),
  model: z.string().max(200),
  azure: z.object({
    endpoint: z.string().max(2000),
    deployment: z.string().max(200),
    apiVersion: z.string().max(50),
  }),
  approval: ApprovalPolicy,
  /** The most model calls one turn may make. */
  maxSteps: z.number().int().min(1).max(100),
};

export const AiSettings = z.object({
  enabled: aiSettingsFields.enabled.default(true),
  provider: aiSettingsFields.provider.default('openai'),
  baseUrl: aiSettingsFields.baseUrl.default(''),
  model: aiSettingsFields.model.default('gpt-4o-mini'),
  azure: aiSettingsFields.azure.default({ endpoint: '', deployment: '', apiVersion: '2024-10-21' }),
  approval: aiSettingsFields.approval.default(ApprovalPolicy.parse({})),
  maxSteps: aiSettingsFields.maxSteps.default(12),
});
export type AiSettings = z.infer<typeof AiSettings>;
/**
 * A change to some AI settings: only the fields given, `azure` and `approval` field by field too
 * (a patch of one approval rule keeps the allowed hosts). The key is never here (ai.setKey).
 */
export const AiSettingsPatch = z
  .object({ ...aiSettingsFields, azure: aiSettingsFields.azure.partial().strict(), approval: z.object(approvalFields).partial().strict() })
  .partial()
  .strict();
export type AiSettingsPatch = z.infer<typeof AiSettingsPatch>;
/** What the UI sees: the settings and the key only as first-4…last-4 (null: no key stored). */
export const AiSettingsView = AiSettings.extend({ keyMasked: z.string().nullable() });
export type AiSettingsView = z.infer<typeof AiSettingsView>;

export const ConnectionProblem = z.enum(['bad_key', 'unreachable', 'unknown_model', 'rate_limited', 'provider_error', 'not_configured']);
export type ConnectionProblem = z.infer<typeof ConnectionProblem>;
/** Why a turn ended in turn.error: a provider problem, the credit meter's refusal, AI off, a model that kept sending invalid tool calls, or a bug. */
export const TurnProblem = z.enum([...ConnectionProblem.options, 'refused', 'ai_off', 'bad_output', 'internal']);
export type TurnProblem = z.infer<typeof TurnProblem>;

// ------------------------------------------------------------------ turns and conversations

export const AgentSkill = z.enum(['request', 'test', 'docs', 'debug', 'design']);
export type AgentSkill = z.infer<typeof AgentSkill>;

export const MentionKind = z.enum(['collection', 'folder', 'request', 'environment']);
export const Mention = z.object({ kind: MentionKind, id: Id });
export type Mention = z.infer<typeof Mention>;

/** The tab the user is looking at: the saved request (if any), its unsaved draft and its last response. */
export const ActiveTab = z.object({
  requestId: Id.nullable(),
  draft: RequestSpec.optional(),
  lastResponse: SendResult.optional(),
});
export type ActiveTab = z.infer<typeof ActiveTab>;

export const AssetKind = z.enum(['collection', 'folder', 'request', 'environment', 'globals', 'spec']);
export type AssetKind = z.infer<typeof AssetKind>;

/** One asset a turn created, changed or deleted, with a unified diff of its JSON before → after. */
export const AssetChange = z.object({
  kind: AssetKind,
  id: z.string(),
  name: z.string(),
  action: z.enum(['created', 'updated', 'deleted']),
  diff: z.string(),
});
export type AssetChange = z.infer<typeof AssetChange>;

export const Checkpoint = z.object({ created: z.array(AssetChange), changed: z.array(AssetChange) });
export type Checkpoint = z.infer<typeof Checkpoint>;

/** One tool call of a turn, as the step list shows it. */
export const ToolStep = z.object({
  callId: z.string(),
  tool: z.string(),
  /** The arguments as the model sent them (redacted), JSON text. */
  args: z.string(),
  status: z.enum(['ok', 'error', 'denied']),
  /** One line: "Created request Get user (id …)", "GET https://… → 200", the error. */
  summary: z.string(),
});
export type ToolStep = z.infer<typeof ToolStep>;

export const TurnStatus = z.enum(['running', 'completed', 'cancelled', 'failed']);
export const Feedback = z.enum(['up', 'down']).nullable();

export const ModelCall = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int(), assetWrite: z.boolean() });
export type ModelCall = z.infer<typeof ModelCall>;

export const AgentTurn = z.object({
  id: TurnId,
  conversationId: Id,
  status: TurnStatus,
  skill: AgentSkill.nullable(),
  /** What the user typed (with the /skill prefix, if any). */
  message: z.string(),
  mentions: z.array(Mention),
  answer: z.string(),
  /** Failed: what went wrong; completed at the step limit: a note saying so. */
  error: z.string().nullable(),
  steps: z.array(ToolStep),
  checkpoint: Checkpoint,
  calls: z.array(ModelCall),
  model: z.string(),
  feedback: Feedback,
  /** Set once "Undo turn" restored the state before this turn. */
  undoneAt: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AgentTurn = z.infer<typeof AgentTurn>;

export const ConversationSummary = z.object({
  id: Id,
  title: z.string(),
  turns: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;
export const Conversation = ConversationSummary.extend({ turnList: z.array(AgentTurn) });
export type Conversation = z.infer<typeof Conversation>;

export const ApprovalDecision = z.enum(['approve', 'deny', 'always']);
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;

// ------------------------------------------------------------------ channels

export const agentChannels = {
  'ai.settings.get': channel(Empty, AiSettingsView),
  'ai.settings.update': channel(AiSettingsPatch, AiSettingsView),
  /** Stores the provider key (encrypted); null removes it. Answers only the masked form. */
  'ai.setKey': channel(z.object({ key: z.string().trim().min(1).max(4096).nullable() }), z.object({ keyMasked: z.string().nullable() })),
  /** One small call to the configured provider; the message says plainly what is wrong. */
  'ai.testConnection': channel(Empty, z.object({ ok: z.boolean(), problem: ConnectionProblem.nullable(), message: z.string() })),

  /** Starts a turn (a new conversation when conversationId is null); it streams as agent.event. */
  'agent.send': channel(
    z.object({
      conversationId: Id.nullable(),
      /** May start with /request, /test, /docs, /debug or /design; `skill` does the same. */
      message: z.string().trim().min(1).max(200_000),
      mentions: z.array(Mention).max(50).default([]),
      activeTab: ActiveTab.optional(),
      skill: AgentSkill.optional(),
      /** Omitted: the active environment. */
      environmentId: Id.nullable().optional(),
    }),
    z.object({ conversationId: Id, turnId: TurnId }),
  ),
  'agent.cancel': channel(z.object({ turnId: TurnId }), z.object({ cancelled: z.boolean() })),
  'agent.approve': channel(z.object({ approvalId: z.string().min(1).max(64), decision: ApprovalDecision }), z.object({ resolved: z.boolean() })),
  /** Restores every asset the turn created or changed to its state before the turn. */
  'agent.undoTurn': channel(z.object({ turnId: TurnId }), z.object({ restored: z.number().int(), removed: z.number().int() })),
  'agent.conversations.list': channel(Empty, z.object({ conversations: z.array(ConversationSummary) })),
  'agent.conversations.get': channel(z.object({ id: Id }), Conversation),
  'agent.conversations.delete': channel(z.object({ id: Id }), Ok),
  'agent.feedback': channel(z.object({ turnId: TurnId, rating: Feedback }), Ok),
} as const;

// ------------------------------------------------------------------ the push event

const base = { turnId: TurnId, conversationId: Id };
export const AgentEvent = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('turn.start'), message: z.string(), skill: AgentSkill.nullable(), model: z.string() }),
  z.object({ ...base, type: z.literal('text.delta'), text: z.string() }),
  z.object({ ...base, type: z.literal('tool.start'), callId: z.string(), tool: z.string(), args: z.string() }),
  z.object({ ...base, type: z.literal('tool.end'), step: ToolStep }),
  z.object({
    ...base,
    type: z.literal('approval.request'),
    approvalId: z.string(),
    callId: z.string(),
    tool: z.string(),
    /** "POST https://api.example.com/users", "Delete request Get user". */
    summary: z.string(),
    /** Why it waits: "POST changes data", "no environment names this host", "deletes". */
    reason: z.string(),
    /** For sends: the host "always allow" would add. */
    host: z.string().optional(),
  }),
  z.object({ ...base, type: z.literal('approval.resolved'), approvalId: z.string(), decision: ApprovalDecision }),
  z.object({ ...base, type: z.literal('turn.checkpoint'), checkpoint: Checkpoint }),
  z.object({
    ...base,
    type: z.literal('turn.done'),
    status: z.enum(['completed', 'cancelled']),
    /** 'step_limit': the turn made as many model calls as Settings → AI allows and stopped. */
    stopReason: z.enum(['answer', 'cancelled', 'step_limit']),
    answer: z.string(),
    calls: z.array(ModelCall),
  }),
  z.object({ ...base, type: z.literal('turn.error'), message: z.string(), problem: TurnProblem }),
]);
export type AgentEvent = z.infer<typeof AgentEvent>;

export const agentEvents = {
  'agent.event': AgentEvent,
} as const;
