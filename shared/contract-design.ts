// The API design part of the IPC contract: OpenAPI specs kept in the workspace (edited with
// validation as you type, previewed in the Docs view, linked to the collection they generated,
// with drift) and mock servers (of a spec or of a collection's saved examples) with a live request
// log. contract.ts spreads these into the one table.
import { z } from 'zod';
import { DocsNode } from './contract-docs.js';
import { Id } from './model.js';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const SpecFormat = z.enum(['yaml', 'json']);
export type SpecFormat = z.infer<typeof SpecFormat>;

const SpecText = z.string().max(20 * 1024 * 1024);
const SpecName = z.string().trim().min(1, 'A name is required').max(200);

/** An OpenAPI 3.0/3.1 document in the workspace. */
export const Spec = z.object({
  id: Id,
  name: z.string(),
  format: SpecFormat,
  text: z.string(),
  /** The collection generated from this spec and kept linked to it (null: none yet, or deleted). */
  collectionId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Spec = z.infer<typeof Spec>;

/** A spec as the sidebar lists it (no text). */
export const SpecSummary = Spec.omit({ text: true }).extend({
  /** info.title and info.version as the document says ('' when it cannot be read). */
  title: z.string(),
  version: z.string(),
  operations: z.number().int(),
  errors: z.number().int(),
});
export type SpecSummary = z.infer<typeof SpecSummary>;

/** One problem in a spec: where it is (1-based line and column) and what is wrong, in plain words. */
export const SpecProblem = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** Where in the document (a JSON pointer such as /paths/~1pets/get/responses), '' for syntax errors. */
  path: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type SpecProblem = z.infer<typeof SpecProblem>;

export const SpecValidation = z.object({
  /** Sorted by line; an empty list means the document is a valid OpenAPI 3.0/3.1 document. */
  problems: z.array(SpecProblem),
  /** The `openapi` version it declares, null when it declares none or cannot be parsed. */
  openapi: z.string().nullable(),
  title: z.string().nullable(),
  operations: z.number().int(),
});
export type SpecValidation = z.infer<typeof SpecValidation>;

/** One operation that differs between a spec and its linked collection. */
export const DriftEntry = z.object({
  /** `METHOD /path` as the spec writes it, e.g. `GET /pets/{petId}`. */
  key: z.string(),
  method: z.string(),
  path: z.string(),
  /** The operation's summary or operationId, else its key. */
  name: z.string(),
  /** The linked request (null for an operation the collection does not have yet). */
  itemId: Id.nullable(),
  /** What changed, one plain line each (e.g. "query parameter `limit` added", "request body schema changed"). */
  details: z.array(z.string()),
});
export type DriftEntry = z.infer<typeof DriftEntry>;

export const SpecDrift = z.object({
  specId: Id,
  collectionId: Id.nullable(),
  added: z.array(DriftEntry),
  changed: z.array(DriftEntry),
  removed: z.array(DriftEntry),
});
export type SpecDrift = z.infer<typeof SpecDrift>;

/** What a mock serves: a spec of the workspace, or a collection's saved examples. */
export const MockSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('spec'), specId: Id }),
  z.object({ kind: z.literal('collection'), collectionId: Id }),
]);
export type MockSource = z.infer<typeof MockSource>;

export const MockOptions = z.object({
  source: MockSource,
  /** 0: any free port. */
  port: z.number().int().min(0).max(65535).default(0),
  /** Loopback unless the user chooses to expose the mock on every interface. */
  host: z.enum(['127.0.0.1', '0.0.0.0']).default('127.0.0.1'),
  /** Added before every response. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  cors: z.boolean().default(true),
  /** Spec mocks: answer 4xx with the problems when a request does not match the spec. */
  validateRequests: z.boolean().default(true),
});
export type MockOptions = z.output<typeof MockOptions>;

export const MockInfo = z.object({
  id: Id,
  /** The spec's or the collection's name. */
  name: z.string(),
  source: MockSource,
  url: z.string(),
  host: z.string(),
  port: z.number().int(),
  latencyMs: z.number().int(),
  cors: z.boolean(),
  validateRequests: z.boolean(),
  startedAt: z.string(),
  requests: z.number().int(),
});
export type MockInfo = z.infer<typeof MockInfo>;

/** One request a mock answered, as the live log shows it. */
export const MockLogEntry = z.object({
  mockId: Id,
  seq: z.number().int(),
  at: z.string(),
  method: z.string(),
  /** Path and query as received. */
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number(),
  /** What answered: the example's name or the operation (`GET /pets/{petId}`), null when nothing matched. */
  match: z.string().nullable(),
  /** Why the request was refused or what did not match, one plain line each. */
  problems: z.array(z.string()),
});
export type MockLogEntry = z.infer<typeof MockLogEntry>;

export const designChannels = {
  'specs.list': channel(Empty, z.object({ specs: z.array(SpecSummary) })),
  'specs.get': channel(z.object({ id: Id }), Spec),
  /** A new spec: the text given (a file the user opened) or a small valid starter document. */
  'specs.create': channel(z.object({ name: SpecName, format: SpecFormat.default('yaml'), text: SpecText.optional() }), Spec),
  /** Saves whatever the user typed, valid or not (the editor shows the problems). */
  'specs.update': channel(z.object({ id: Id, name: SpecName.optional(), text: SpecText.optional() }), Spec),
  'specs.delete': channel(z.object({ id: Id }), Ok),
  /** Validation as you type: the problems of a text, each with its line. */
  'specs.validate': channel(z.object({ text: SpecText }), SpecValidation),
  /** The spec as the Docs view renders a collection (the preview). */
  'specs.docs': channel(z.object({ id: Id }), DocsNode),
  /** Generates a collection (with tests) from a valid spec and links it; refuses an invalid spec, creating nothing. */
  'specs.generateCollection': channel(
    z.object({ id: Id, withTests: z.boolean().default(true) }),
    z.object({ collectionId: Id, requests: z.number().int() }),
  ),
  /** What differs between the spec and its linked collection. */
  'specs.drift': channel(z.object({ id: Id }), SpecDrift),
  /** Applies the drift (all of it, or the keys given) to the linked collection, keeping the user's scripts and examples. */
  'specs.sync': channel(
    z.object({ id: Id, keys: z.array(z.string()).max(10_000).optional() }),
    z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
  ),

  'mocks.list': channel(Empty, z.object({ mocks: z.array(MockInfo) })),
  'mocks.start': channel(MockOptions, MockInfo),
  'mocks.stop': channel(z.object({ id: Id }), Ok),
  /** The requests a mock answered so far (the newest 1,000). */
  'mocks.log': channel(z.object({ id: Id }), z.object({ entries: z.array(MockLogEntry) })),
} as const;

export const designEvents = {
  /** A mock answered a request. */
  'mocks.request': MockLogEntry,
  /** A mock started or stopped (from the Mocks view, the agent, or because its source was deleted). */
  'mocks.changed': z.object({ mocks: z.array(MockInfo) }),
} as const;
