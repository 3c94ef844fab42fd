// The workspace domain: what a collection, a request, an environment and a response are.
// Pure zod schemas + inferred types; no Node or DOM APIs (see DESIGN.md §1).
import { z } from 'zod';

export const Id = z.string().min(1).max(64);

export const KeyValue = z.object({
  key: z.string(),
  value: z.string(),
  enabled: z.boolean().default(true),
  description: z.string().optional(),
});
export type KeyValue = z.infer<typeof KeyValue>;

export const FormField = z.object({
  key: z.string(),
  enabled: z.boolean().default(true),
  type: z.enum(['text', 'file']).default('text'),
  value: z.string().default(''),
  /** For type "file": the stored file's absolute path (see files.store). */
  filePath: z.string().optional(),
  fileName: z.string().optional(),
  contentType: z.string().optional(),
});
export type FormField = z.infer<typeof FormField>;

export const RawLanguage = z.enum(['json', 'text', 'xml', 'html', 'javascript']);
export type RawLanguage = z.infer<typeof RawLanguage>;

export const Body = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('raw'), language: RawLanguage.default('json'), raw: z.string() }),
  z.object({ mode: z.literal('urlencoded'), urlencoded: z.array(KeyValue) }),
  z.object({ mode: z.literal('formdata'), formdata: z.array(FormField) }),
  z.object({
    mode: z.literal('binary'),
    filePath: z.string(),
    fileName: z.string().optional(),
    contentType: z.string().optional(),
  }),
]);
export type Body = z.infer<typeof Body>;

export const Auth = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string() }),
  z.object({
    type: z.literal('apikey'),
    key: z.string(),
    value: z.string(),
    in: z.enum(['header', 'query']).default('header'),
  }),
  z.object({
    type: z.literal('oauth2'),
    grantType: z.literal('client_credentials'),
    accessTokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    scope: z.string().default(''),
    /** Send the client credentials as a Basic header (RFC 6749 §2.3.1) or in the form body. */
    clientAuthentication: z.enum(['header', 'body']).default('header'),
  }),
]);
export type Auth = z.infer<typeof Auth>;
export type AuthType = Auth['type'];

export const RequestSettings = z.object({
  /** 0 means no timeout. */
  timeoutMs: z.number().int().min(0).max(3_600_000).default(30_000),
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(50).default(10),
  verifyTls: z.boolean().default(true),
});
export type RequestSettings = z.infer<typeof RequestSettings>;

export const HttpMethod = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z]+$/, 'A method is letters only, such as GET or POST');

export const RequestSpec = z.object({
  method: HttpMethod.default('GET'),
  url: z.string().max(1_000_000),
  params: z.array(KeyValue).default([]),
  headers: z.array(KeyValue).default([]),
  body: Body.default({ mode: 'none' }),
  auth: Auth.default({ type: 'inherit' }),
  settings: RequestSettings.default(RequestSettings.parse({})),
});
export type RequestSpec = z.infer<typeof RequestSpec>;

export const Variable = z.object({
  key: z.string(),
  value: z.string(),
  enabled: z.boolean().default(true),
  secret: z.boolean().default(false),
});
export type Variable = z.infer<typeof Variable>;

export const ItemKind = z.enum(['collection', 'folder', 'request']);
export type ItemKind = z.infer<typeof ItemKind>;

/** One node of the sidebar tree, as listed (no request body: the tree of 10,000 requests stays small). */
export const TreeNode = z.object({
  id: Id,
  parentId: Id.nullable(),
  kind: ItemKind,
  name: z.string(),
  method: z.string().optional(),
  sort: z.number(),
});
export type TreeNode = z.infer<typeof TreeNode>;

/** Scripts that run before a request is sent and after its response arrives (Postman's `pm` API). */
export const Scripts = z.object({
  prerequest: z.string().max(1_000_000).default(''),
  test: z.string().max(1_000_000).default(''),
});
export type Scripts = z.infer<typeof Scripts>;
/** A change to an item's scripts: the ones given replace the stored ones, no defaults filled in. */
export const ScriptsPatch = z.object({
  prerequest: z.string().max(1_000_000).optional(),
  test: z.string().max(1_000_000).optional(),
});
export type ScriptsPatch = z.infer<typeof ScriptsPatch>;

/**
 * What a file this item was imported from held that Courier does not model, by format
 * (`{ postman: … }`), kept so an export restores it.
 */
export const Preserved = z.record(z.string(), z.unknown());
export type Preserved = z.infer<typeof Preserved>;

/** A whole item: a collection, a folder or a request. */
export const Item = z.object({
  id: Id,
  parentId: Id.nullable(),
  collectionId: Id,
  kind: ItemKind,
  name: z.string().min(1).max(500),
  sort: z.number(),
  description: z.string().default(''),
  /** Requests only. */
  request: RequestSpec.optional(),
  /** Collections and folders: the auth their requests inherit. */
  auth: Auth.optional(),
  /** Collections only: collection variables. */
  variables: z.array(Variable).optional(),
  /** Every kind: collection scripts run before folder scripts, folder scripts before the request's. */
  scripts: Scripts.default({ prerequest: '', test: '' }),
  preserved: Preserved.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof Item>;

/** A response saved with a request as an example (Postman's `response` array). */
export const Example = z.object({
  id: Id,
  requestId: Id,
  name: z.string().min(1).max(500),
  status: z.number().int().min(0).max(999),
  statusText: z.string().max(500).default(''),
  headers: z.array(z.tuple([z.string(), z.string()])).default([]),
  body: z.string().max(50 * 1024 * 1024).default(''),
  /**
   * The request this example answers (Postman's `originalRequest`), which a collection mock matches
   * incoming requests against; null or absent: the request the example belongs to, as it is.
   */
  request: RequestSpec.nullable().optional(),
  createdAt: z.string(),
});
export type Example = z.infer<typeof Example>;

export const Environment = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  variables: z.array(Variable),
  preserved: Preserved.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Environment = z.infer<typeof Environment>;

export const Timings = z.object({
  /** Milliseconds for each phase; 0 where a phase did not happen (a reused connection, plain HTTP). */
  dns: z.number(),
  connect: z.number(),
  tls: z.number(),
  firstByte: z.number(),
  download: z.number(),
  total: z.number(),
});
export type Timings = z.infer<typeof Timings>;

export const Cookie = z.object({
  name: z.string(),
  value: z.string(),
  domain: z.string(),
  path: z.string(),
  expires: z.string().nullable(),
  httpOnly: z.boolean(),
  secure: z.boolean(),
  sameSite: z.string().optional(),
});
export type Cookie = z.infer<typeof Cookie>;

export const ResponseBody = z.discriminatedUnion('kind', [
  /** Text bodies are sent as text; anything else as base64. */
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('base64'), base64: z.string() }),
  /** Over the body limit: streamed to a file, never held whole in memory. */
  z.object({ kind: z.literal('file'), path: z.string(), notice: z.string() }),
  z.object({ kind: z.literal('empty') }),
]);
export type ResponseBody = z.infer<typeof ResponseBody>;

export const HttpResponse = z.object({
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string(),
  url: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  cookies: z.array(Cookie),
  contentType: z.string(),
  timings: Timings,
  size: z.object({ headers: z.number(), body: z.number() }),
  body: ResponseBody,
  /** Set when the body is not what its Content-Type says, e.g. invalid JSON. */
  bodyWarning: z.string().optional(),
  redirects: z.array(z.object({ status: z.number(), url: z.string() })).default([]),
});
export type HttpResponse = z.infer<typeof HttpResponse>;

export const SendErrorCode = z.enum([
  'INVALID_URL',
  'DNS',
  'CONNECTION_REFUSED',
  'TIMEOUT',
  'TLS',
  'CANCELLED',
  'RESPONSE_CUT_OFF',
  'TOO_MANY_REDIRECTS',
  'FILE',
  'AUTH',
  'NETWORK',
]);
export type SendErrorCode = z.infer<typeof SendErrorCode>;

export const SendError = z.object({ code: SendErrorCode, message: z.string() });
export type SendError = z.infer<typeof SendError>;

/** What the request became on the wire, after variables, auth and params were applied. */
export const SentRequest = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  bodySize: z.number(),
});
export type SentRequest = z.infer<typeof SentRequest>;

/** One pm.test: passed, failed (error: the assertion's message) or skipped (pm.test.skip). */
export const TestOutcome = z.object({ name: z.string(), passed: z.boolean(), skipped: z.boolean(), error: z.string().optional() });
export type TestOutcome = z.infer<typeof TestOutcome>;
/** A script that failed (syntax error, thrown error, timeout); location: "Folder / Request (test script)". */
export const ScriptFailure = z.object({ kind: z.enum(['prerequest', 'test']), location: z.string(), message: z.string() });
export type ScriptFailure = z.infer<typeof ScriptFailure>;
/** One console.log/info/warn/error/debug call of a script, each argument formatted as text. */
export const ConsoleEntry = z.object({ level: z.enum(['log', 'info', 'warn', 'error', 'debug']), args: z.array(z.string()) });
export type ConsoleEntry = z.infer<typeof ConsoleEntry>;

export const SendResult = z.object({
  sendId: z.string(),
  sent: SentRequest.optional(),
  response: HttpResponse.optional(),
  error: SendError.optional(),
  unresolved: z.array(z.string()).default([]),
  historyId: z.string().optional(),
  /** Set when scripts ran: the tests of the test scripts, in order (collection, folders, request). */
  tests: z.array(TestOutcome).optional(),
  /** The scripts' console output, pre-request scripts first. */
  console: z.array(ConsoleEntry).optional(),
  scriptErrors: z.array(ScriptFailure).optional(),
  /** pm.execution.skipRequest() in a pre-request script: the request was not sent. */
  skipped: z.boolean().optional(),
});
export type SendResult = z.infer<typeof SendResult>;

export const HistoryEntry = z.object({
  id: Id,
  requestId: Id.nullable(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
  size: z.number(),
  sentAt: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Theme = z.enum(['light', 'dark', 'system']);

const settingsFields = {
  theme: Theme,
  /** Bodies larger than this are streamed to a file instead of being held in memory. */
  responseBodyLimitBytes: z.number().int().min(1024),
  activeEnvironmentId: Id.nullable(),
  /** The timeout new requests start with (a request's own timeout has the same bounds). */
  defaultTimeoutMs: z.number().int().min(0).max(3_600_000),
};

export const Settings = z.object({
  theme: settingsFields.theme.default('system'),
  responseBodyLimitBytes: settingsFields.responseBodyLimitBytes.default(100 * 1024 * 1024),
  activeEnvironmentId: settingsFields.activeEnvironmentId.default(null),
  defaultTimeoutMs: settingsFields.defaultTimeoutMs.default(30_000),
});
/** A change to some settings: only the fields given, no defaults filled in (they would overwrite). */
export const SettingsPatch = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type Settings = z.infer<typeof Settings>;

export function defaultRequest(overrides: Partial<RequestSpec> = {}): RequestSpec {
  return RequestSpec.parse({ method: 'GET', url: '', ...overrides });
}
