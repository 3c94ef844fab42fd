// The IPC contract: every channel between the UI and the main process, with zod schemas for both
// directions, plus the push events. Both transports (Electron IPC and the web host's WebSocket)
// serve exactly this table; see DESIGN.md §2.
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES } from './channel-names.js';
import {
  Auth,
  Cookie,
  Environment,
  HistoryEntry,
  Id,
  Item,
  ItemKind,
  RequestSpec,
  ScriptsPatch,
  SendResult,
  Settings,
  SettingsPatch,
  TreeNode,
  Variable,
} from './model.js';

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

  /** Stores a file the user picked (multipart or binary body) in the workspace; answers its path. */
  'files.store': channel(
    z.object({ name: z.string().min(1).max(255), base64: z.string().max(200 * 1024 * 1024) }),
    z.object({ path: z.string(), name: z.string(), size: z.number().int() }),
  ),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelArgs<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

/** Push events from the main process to the UI. */
export const events = {
  'workspace.changed': z.object({ what: z.enum(['tree', 'environments', 'history', 'cookies', 'settings']) }),
  'http.progress': z.object({ sendId: z.string(), phase: z.enum(['connecting', 'waiting', 'downloading']), bytes: z.number() }),
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
