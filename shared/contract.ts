// The IPC contract: every channel between the UI and the main process, with zod schemas for both
// directions, plus the push events. Both transports (Electron IPC and the web host's WebSocket)
// serve exactly this table; see DESIGN.md §2.
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES } from './channel-names.js';
import { agentChannels, agentEvents } from './contract-agent.js';
import { creditChannels, creditEvents } from './contract-credits.js';
import { designChannels, designEvents } from './contract-design.js';
import { docsChannels } from './contract-docs.js';
import { SNIPPET_TARGET_IDS } from './snippet-targets.js';
import {
  Auth,
  ConsoleEntry,
  Cookie,
  Environment,
  HistoryEntry,
  Id,
  Item,
  ItemKind,
  RequestSpec,
  ScriptFailure,
  ScriptsPatch,
  SendErrorCode,
  SendResult,
  Settings,
  SettingsPatch,
  TestOutcome,
  TreeNode,
  Variable,
} from './model.js';

export { ConsoleEntry, ScriptFailure, TestOutcome };

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const SearchHit = z.object({
  id: Id,
  kind: ItemKind,
  name: z.string(),
  method: z.string().optional(),
  url: z.string().optional(),
  path: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

// ------------------------------------------------------------------ the collection runner

const Counter = z.object({ total: z.number().int(), failed: z.number().int(), pending: z.number().int() });
export const RunStats = z.object({
  iterations: Counter,
  items: Counter,
  requests: Counter,
  prerequestScripts: Counter,
  testScripts: Counter,
  assertions: Counter,
});
/** One request of one iteration, as a summary: never the response body. */
export const Execution = z.object({
  id: z.string(),
  name: z.string(),
  /** Folder names from the collection down, the collection itself left out. */
  path: z.array(z.string()),
  iteration: z.number().int(),
  request: z.object({ method: z.string(), url: z.string() }),
  response: z.object({ code: z.number().int(), status: z.string(), responseTime: z.number(), responseSize: z.number() }).optional(),
  requestError: z.object({ code: SendErrorCode, message: z.string() }).optional(),
  /** pm.execution.skipRequest(): not sent, no test scripts. */
  skipped: z.boolean(),
  tests: z.array(TestOutcome),
  scriptErrors: z.array(ScriptFailure),
  durationMs: z.number(),
});
export const RunFailure = z.object({
  /** "Folder / Request", or "data file" for a skipped data row. */
  source: z.string(),
  iteration: z.number().int(),
  kind: z.enum(['assertion', 'request', 'script', 'data']),
  message: z.string(),
  test: z.string().optional(),
});
export const RunSummary = z.object({
  collection: z.object({ id: z.string(), name: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  cancelled: z.boolean(),
  stoppedByBail: z.boolean(),
  stats: RunStats,
  timings: z.object({
    totalMs: z.number(),
    responseAverageMs: z.number(),
    responseMinMs: z.number(),
    responseMaxMs: z.number(),
    bytesReceived: z.number(),
  }),
  failures: z.array(RunFailure),
});
export const RunResult = RunSummary.extend({
  executions: z.array(Execution),
  /** The variables at the end of the run. */
  variables: z.object({ environment: z.array(Variable), globals: z.array(Variable), collection: z.array(Variable) }),
});
const RunId = z.string().min(1).max(64);
const count = z.number().int().optional();
export const ImportCreated = z.object({ kind: z.enum(['collection', 'environment', 'globals']), id: z.string().optional(), name: z.string(), folders: count, requests: count, variables: count });


export const contract = {
  'app.info': channel(
    Empty,
    z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      home: z.string(),
      platform: z.string(),
    }),
  ),

  'tree.list': channel(Empty, z.object({ nodes: z.array(TreeNode) })),
  'items.get': channel(z.object({ id: Id }), Item),
  'items.create': channel(
    z.object({
      kind: ItemKind,
      parentId: Id.nullable(),
      name: z.string().trim().min(1, 'A name is required').max(500),
      request: RequestSpec.optional(),
      scripts: ScriptsPatch.optional(),
      /** Position among siblings; appended when omitted. */
      index: z.number().int().min(0).optional(),
    }),
    Item,
  ),
  'items.update': channel(
    z.object({
      id: Id,
      name: z.string().trim().min(1, 'A name is required').max(500).optional(),
      description: z.string().max(1_000_000).optional(),
      request: RequestSpec.optional(),
      auth: Auth.optional(),
      variables: z.array(Variable).optional(),
      /** The scripts given replace the stored ones; one left out (prerequest or test) is kept. */
      scripts: ScriptsPatch.optional(),
    }),
    Item,
  ),
  'items.duplicate': channel(z.object({ id: Id }), Item),
  'items.move': channel(
    z.object({ id: Id, parentId: Id.nullable(), index: z.number().int().min(0) }),
    Item,
  ),
  'items.delete': channel(z.object({ id: Id }), z.object({ deleted: z.number().int() })),
  'items.search': channel(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ hits: z.array(SearchHit) }),
  ),

  'env.list': channel(Empty, z.object({ environments: z.array(Environment), activeId: Id.nullable() })),
  'env.create': channel(
    z.object({ name: z.string().trim().min(1).max(200), variables: z.array(Variable).default([]) }),
    Environment,
  ),
  'env.update': channel(
    z.object({ id: Id, name: z.string().trim().min(1).max(200).optional(), variables: z.array(Variable).optional() }),
    Environment,
  ),
  'env.delete': channel(z.object({ id: Id }), Ok),
  'env.setActive': channel(z.object({ id: Id.nullable() }), Ok),
  'globals.get': channel(Empty, z.object({ variables: z.array(Variable) })),
  'globals.update': channel(z.object({ variables: z.array(Variable) }), z.object({ variables: z.array(Variable) })),

  'http.send': channel(
    z.object({
      sendId: z.string().min(1).max(64),
      /** The saved request this came from, if any: its folder and collection give inherited auth and variables. */
      requestId: Id.nullable(),
      request: RequestSpec,
      name: z.string().max(500).optional(),
      /** The request's scripts as edited (saved or not); the folder and collection scripts are read from the workspace. */
      scripts: ScriptsPatch.optional(),
    }),
    SendResult,
  ),
  'http.cancel': channel(z.object({ sendId: z.string().min(1).max(64) }), z.object({ cancelled: z.boolean() })),
  /** Reads part of a response body that was streamed to a file. */
  'http.readBodyFile': channel(
    z.object({ path: z.string(), offset: z.number().int().min(0), length: z.number().int().min(1).max(16 * 1024 * 1024) }),
    z.object({ text: z.string(), bytesRead: z.number().int(), size: z.number().int() }),
  ),

  'history.list': channel(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ entries: z.array(HistoryEntry) }),
  ),
  'history.get': channel(z.object({ id: Id }), z.object({ entry: HistoryEntry, request: RequestSpec, result: SendResult })),
  'history.clear': channel(Empty, Ok),

  'cookies.list': channel(Empty, z.object({ cookies: z.array(Cookie) })),
  'cookies.delete': channel(z.object({ domain: z.string(), path: z.string(), name: z.string() }), Ok),
  'cookies.clear': channel(Empty, Ok),

  'settings.get': channel(Empty, Settings),
  'settings.update': channel(SettingsPatch, Settings),

  /** Starts a collection run; its progress arrives as runner.progress events with this runId. */
  'runner.start': channel(
    z.object({
      collectionId: Id,
      /** Folders or requests (ids) to run; the whole collection when empty. Re-run failed: their ids. */
      itemIds: z.array(Id).max(10_000).default([]),
      /** Omitted: the active environment; null: none. */
      environmentId: Id.nullable().optional(),
      /** Default: one per data row, else 1. */
      iterations: z.number().int().min(1).max(100_000).optional(),
      /** A CSV or JSON data file the user picked (JSON when the name ends in .json or the text starts with `[`). */
      data: z.object({ fileName: z.string().min(1).max(255), text: z.string().max(50 * 1024 * 1024) }).optional(),
      delayMs: z.number().int().min(0).max(600_000).default(0),
      bail: z.boolean().default(false),
      /** Overrides every request's timeout (0 = none). */
      timeoutMs: z.number().int().min(0).max(3_600_000).optional(),
      /** Write the environment, globals and collection variables back to the workspace at the end. */
      persistVariables: z.boolean().default(false),
    }),
    z.object({
      runId: RunId,
      iterations: z.number().int(),
      requestsPerIteration: z.number().int(),
      /** Data rows that were skipped, each named; the run goes on without them. */
      dataProblems: z.array(z.string()),
    }),
  ),
  'runner.cancel': channel(z.object({ runId: RunId }), z.object({ cancelled: z.boolean() })),
  /** A run's whole result (the last few runs are kept); running: null until it ends. */
  'runner.get': channel(z.object({ runId: RunId }), z.object({ status: z.enum(['running', 'done']), result: RunResult.nullable() })),
  /** A finished run as a report file's text, to save where the user picks. */
  'runner.report': channel(
    z.object({ runId: RunId, format: z.enum(['json', 'junit', 'html']) }),
    z.object({ fileName: z.string(), text: z.string() }),
  ),

  /** Imports a Postman collection, environment or globals file the user picked, in one transaction. */
  'formats.import': channel(
    z.object({ fileName: z.string().min(1).max(255), text: z.string().max(200 * 1024 * 1024), format: z.string().optional() }),
    z.object({ created: z.array(ImportCreated), warnings: z.array(z.string()) }),
  ),
  /** A collection as a file's text (Postman v2.1 by default), to save where the user picks. */
  'formats.export': channel(z.object({ collectionId: Id, format: z.string().default('postman') }), z.object({ fileName: z.string(), text: z.string() })),
  /** A request as code (httpsnippet) in a target of SNIPPET_TARGETS, its variables resolved or kept. */
  'formats.snippet': channel(
    z.object({ request: RequestSpec, requestId: Id.nullable(), target: z.enum(SNIPPET_TARGET_IDS), resolveVariables: z.boolean() }),
    z.object({ code: z.string() }),
  ),

  /** Stores a file the user picked (multipart or binary body) in the workspace; answers its path. */
  'files.store': channel(
    z.object({ name: z.string().min(1).max(255), base64: z.string().max(200 * 1024 * 1024) }),
    z.object({ path: z.string(), name: z.string(), size: z.number().int() }),
  ),

  ...agentChannels,
  ...creditChannels,
  ...docsChannels,
  ...designChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelArgs<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

/** Push events from the main process to the UI. */
export const events = {
  'workspace.changed': z.object({ what: z.enum(['tree', 'environments', 'history', 'cookies', 'settings', 'specs']) }),
  'http.progress': z.object({ sendId: z.string(), phase: z.enum(['connecting', 'waiting', 'downloading']), bytes: z.number() }),
  'runner.progress': z.discriminatedUnion('type', [
    z.object({
      runId: RunId,
      type: z.literal('start'),
      collection: z.object({ id: z.string(), name: z.string() }),
      iterations: z.number().int(),
      requestsPerIteration: z.number().int(),
    }),
    z.object({ runId: RunId, type: z.literal('iteration'), iteration: z.number().int() }),
    z.object({ runId: RunId, type: z.literal('request'), sequence: z.number().int(), execution: Execution, console: z.array(ConsoleEntry) }),
    z.object({ runId: RunId, type: z.literal('warning'), message: z.string() }),
    /** The summary; the executions came one by one (runner.get has them all). */
    z.object({ runId: RunId, type: z.literal('done'), summary: RunSummary }),
  ]),
  ...agentEvents,
  ...creditEvents,
  ...designEvents,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

// Compile-time proof that the preload's name lists are exactly the contract's tables.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListComplete: Same<(typeof CHANNEL_NAMES)[number], ChannelName> = true;
const eventListComplete: Same<(typeof EVENT_NAMES)[number], EventName> = true;
void channelListComplete;
void eventListComplete;

/** What every host must implement: one handler per channel (a missing one fails to compile). */
export type Handlers = { [K in ChannelName]: (input: ChannelArgs<K>) => Promise<ChannelOutput<K>> };

/** What the UI calls: one method per channel. */
export type Client = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>> };

/** The error shape that crosses a process boundary. */
export const RpcError = z.object({
  code: z.enum(['BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL', 'UNKNOWN_CHANNEL']),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RpcError = z.infer<typeof RpcError>;

export const RpcReply = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RpcError }),
]);
export type RpcReply = z.infer<typeof RpcReply>;
