// The sandbox worker (a worker_threads Worker, started by runtime.ts from dist/sandbox/worker.js).
// It locks the realm down with SES (frozen intrinsics, tamed Function/eval/Date/Math/Error) and
// then runs each script in a fresh Compartment whose globals are only what the pm prelude builds
// for it (made while idle: see script-compartment.ts). This file is the trusted side: it alone touches Node (the message port, timers, random bytes). Scripts, the
// prelude and the libraries see only hardened capability functions.
//
// A script finishes when its synchronous code has run and nothing it started is pending (timers,
// pm.sendRequest/cookie calls). The worker stops a script that is still waiting at the time limit
// itself; a script stuck in a synchronous or microtask loop never yields, and the host terminates
// the whole worker instead (runtime.ts).
import 'ses';
import { randomFillSync } from 'node:crypto';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { HostCall, HostCallResult, HostToWorker, Kit, KitCaps, ScriptCaps, ScriptWorld, WorkerConfig, WorkerToHost } from '../protocol.js';
import { JOURNAL_HEADER_BYTES, scriptMessage, timeoutMessage } from '../protocol.js';
import type { ScriptError, ScriptInput, ScriptResult } from '../types.js';
import { atob, btoa } from '../pm/base64.js';
import { hardenPrototypesFrom, hardenTolerant } from '../pm/tame.js';
import { needsRewrite, rewriteForSes } from './rewrite.js';
import { ScriptCompartment, type ScriptFn } from './script-compartment.js';

// The original constructors, before lockdown tames them: used only to check that a script parses
// as a function body by itself (see compileAhead); the functions they make are never called.
const FeralFunction = Function;
const FeralAsyncFunction = Object.getPrototypeOf(async function () {}).constructor as FunctionConstructor;
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
const realSetInterval = setInterval;
const realClearInterval = clearInterval;
const realSetImmediate = setImmediate;
const realClearImmediate = clearImmediate;

lockdown({
  errorTaming: 'safe',
  overrideTaming: 'moderate',
  consoleTaming: 'unsafe',
  localeTaming: 'unsafe',
  errorTrapping: 'none',
  unhandledRejectionTrapping: 'none',
  stackFiltering: 'concise',
});
// Not an ECMAScript intrinsic, so lockdown leaves it alone; scripts share it, so freeze it.
harden(Intl);

const port = parentPort!;
const config = workerData as WorkerConfig;
const limits = config.limits;
const wake = new Int32Array(config.wake);
const journalBytes = new Uint8Array(config.journal);
const journalUsed = new Int32Array(config.journal, 0, 1);
const encoder = new TextEncoder();

/** Appends a line to the journal when it fits (see WorkerConfig.journal). */
function writeJournal(line: string): void {
  const used = Atomics.load(journalUsed, 0);
  const text = `${String(line)}\n`;
  const room = journalBytes.length - JOURNAL_HEADER_BYTES - used;
  if (room < text.length) return;
  const { read, written } = encoder.encodeInto(text, journalBytes.subarray(JOURNAL_HEADER_BYTES + used));
  if (read === text.length) Atomics.store(journalUsed, 0, used + written);
}
const post = (msg: WorkerToHost) => port.postMessage(msg);

type Timer = { kind: 'timeout' | 'interval' | 'immediate'; handle: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> };

interface Ctx {
  id: number;
  input: ScriptInput;
  alive: boolean;
  /** Pending timers and host calls. */
  io: number;
  timers: Map<number, Timer>;
  nextTimer: number;
  calls: number;
  world?: ScriptWorld;
  deadline?: ReturnType<typeof setTimeout>;
  checkQueued: boolean;
}

/** The script running now (one at a time): libraries' timers and unhandled rejections go to it. */
let current: Ctx | null = null;

// ---- capabilities ----

function setTimer(ctx: Ctx, kind: Timer['kind'], fn: (...args: unknown[]) => void, ms: number, args: unknown[]): number {
  if (!ctx.alive) throw new Error('the script has finished');
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  if (ctx.timers.size >= limits.maxTimers) throw new RangeError(`Too many timers: a script may have at most ${limits.maxTimers} pending`);
  const id = ++ctx.nextTimer;
  const delay = Math.min(Math.max(0, Number.isFinite(ms) ? ms : 0), 2 ** 31 - 1);
  const run = () => {
    if (!ctx.alive) return;
    if (kind !== 'interval') {
      ctx.timers.delete(id);
      ctx.io--;
    }
    try {
      fn(...args);
    } catch (err) {
      ctx.world?.fail(err);
    }
    check(ctx);
  };
  const handle = kind === 'immediate' ? realSetImmediate(run) : kind === 'interval' ? realSetInterval(run, Math.max(1, delay)) : realSetTimeout(run, delay);
  ctx.timers.set(id, { kind, handle });
  ctx.io++;
  return id;
}

function dropTimer(t: Timer): void {
  if (t.kind === 'immediate') realClearImmediate(t.handle as ReturnType<typeof setImmediate>);
  else if (t.kind === 'interval') realClearInterval(t.handle as ReturnType<typeof setInterval>);
  else realClearTimeout(t.handle as ReturnType<typeof setTimeout>);
}

function clearTimer(ctx: Ctx, id: number): void {
  const t = ctx.timers.get(id);
  if (!t) return;
  dropTimer(t);
  ctx.timers.delete(id);
  ctx.io--;
  check(ctx);
}

const pendingCalls = new Map<number, { ctx: Ctx; resolve: (v: HostCallResult) => void; reject: (e: Error) => void }>();
let callSeq = 0;

function hostCall(ctx: Ctx, req: HostCall): Promise<HostCallResult> {
  if (!ctx.alive) return Promise.reject(new Error('the script has finished'));
  if (ctx.calls >= limits.maxHostCalls) {
    return Promise.reject(new Error(`Too many requests: a script may make at most ${limits.maxHostCalls} pm.sendRequest and cookie-jar calls`));
  }
  ctx.calls++;
  const call = ++callSeq;
  return new Promise<HostCallResult>((resolve, reject) => {
    try {
      post({ t: 'call', id: ctx.id, call, req });
    } catch (err) {
      reject(err instanceof Error ? new Error(err.message) : new Error('the request could not be sent'));
      return;
    }
    ctx.io++;
    pendingCalls.set(call, { ctx, resolve, reject });
  });
}

function onReply(msg: Extract<HostToWorker, { t: 'reply' }>): void {
  const p = pendingCalls.get(msg.call);
  if (!p) return;
  pendingCalls.delete(msg.call);
  if (!p.ctx.alive) return;
  p.ctx.io--;
  if (msg.error !== undefined) p.reject(new Error(String(msg.error)));
  else p.resolve(msg.value as HostCallResult);
  check(p.ctx);
}

const routed = (kind: Timer['kind']) =>
  (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (!current) throw new Error('timers are only available while a script runs');
    return kind === 'immediate' ? setTimer(current, kind, fn, 0, ms === undefined ? args : [ms, ...args]) : setTimer(current, kind, fn, Number(ms) || 0, args);
  };
const routedClear = (id: number) => {
  if (current) clearTimer(current, Number(id));
};
const randomFill = <T extends Uint8Array>(bytes: T): T => {
  if (!(bytes instanceof Uint8Array) || bytes.length > 65536) throw new TypeError('randomFill: a Uint8Array of at most 65536 bytes');
  randomFillSync(bytes);
  return bytes;
};
const libCrypto = harden({
  getRandomValues<T extends ArrayBufferView>(array: T): T {
    if (!ArrayBuffer.isView(array) || array instanceof DataView || array.byteLength > 65536) throw new TypeError('crypto.getRandomValues: an integer typed array of at most 65536 bytes');
    const bytes = randomFill(new Uint8Array(array.byteLength));
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(bytes);
    return array;
  },
});
const libConsole = harden(
  Object.fromEntries(
    (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) => [
      level,
      (...args: unknown[]) => current?.world?.log(level === 'trace' ? 'debug' : level, args),
    ]),
  ),
);

/** Globals every compartment gets besides the frozen intrinsics. */
const baseGlobals = harden({
  Date,
  Math,
  Intl,
  Float32Array,
  Float64Array,
  ...(typeof (globalThis as Record<string, unknown>).Float16Array === 'function' ? { Float16Array: (globalThis as Record<string, unknown>).Float16Array } : {}),
});
const libGlobals = () => ({
  ...baseGlobals,
  atob: harden(atob),
  btoa: harden(btoa),
  crypto: libCrypto,
  console: libConsole,
  setTimeout: harden(routed('timeout')),
  setInterval: harden(routed('interval')),
  setImmediate: harden(routed('immediate')),
  clearTimeout: harden(routedClear),
  clearInterval: harden(routedClear),
  clearImmediate: harden(routedClear),
});

const noRequire = harden((name: string) => {
  throw new Error(`Cannot find module '${String(name)}'`);
});

type Factory = (module: { exports: unknown }, exports: unknown, require: (name: string) => unknown) => void;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const NOT_CAPTURED = new Set(['eval', 'undefined', 'NaN', 'Infinity', 'globalThis', 'Function', 'Compartment']);

/**
 * Evaluates a bundled module (prelude or library) in its own Compartment. Code evaluated by SES
 * runs inside `with` scopes, so every free identifier (`Object`, `Symbol`, …) is looked up
 * dynamically, which makes chai and the pm shims several times slower. The module is therefore
 * nested in a function that first copies the compartment's globals into local constants; the
 * bundle's own declarations still shadow them (it is an inner function).
 */
function evaluateModule(source: string, globals: Record<string, unknown>): unknown {
  const c = new Compartment({ globals, __options__: true });
  Object.defineProperty(c.globalThis, 'global', { value: c.globalThis, configurable: true, writable: true });
  Object.defineProperty(c.globalThis, 'self', { value: c.globalThis, configurable: true, writable: true });
  const names = Object.getOwnPropertyNames(c.globalThis).filter((n) => IDENTIFIER.test(n) && !NOT_CAPTURED.has(n));
  const wrapped = `(function (module, exports, require) {\nconst { ${names.join(', ')} } = globalThis;\nreturn (${source}).call(this, module, exports, require);\n})`;
  const factory = c.evaluate(wrapped, { __rejectSomeDirectEvalExpressions__: false }) as Factory;
  const module = { exports: {} as unknown };
  factory(module, module.exports, noRequire);
  return module.exports;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- probes call into untyped library code */
/** A little work per library, to reach (and harden) the classes its exports do not expose. */
const PROBES: Record<string, (lib: any) => unknown[]> = {
  cheerio: (c) => {
    const $ = c.load('<div id="a" class="b"><a href="x">t</a><!-- c --><p>p</p></div>');
    return [$, $('a'), $('div').children(), $.root(), $('div').find('p').parent()];
  },
  ajv: (lib) => {
    const ajv = new lib.Ajv({ strict: false, allErrors: true });
    lib.addFormats(ajv, { mode: 'fast' });
    const validate = ajv.compile({ type: 'object', properties: { x: { type: 'string', minLength: 1 }, y: { type: 'array', items: { type: 'number' } } }, required: ['x'] });
    validate({ y: ['z'] });
    return [ajv, validate, validate.errors];
  },
  moment: (m) => [m(), m.utc(), m.duration(1000), m.localeData()],
  xml2js: (x) => {
    const parser = new x.Parser({ explicitArray: false });
    let result: unknown;
    parser.parseString('<a b="1"><c>t</c></a>', (_e: unknown, r: unknown) => {
      result = r;
    });
    return [parser, new x.Builder(), result];
  },
  tv4: (t) => {
    const api = t.freshApi();
    api.validate(1, { type: 'string' });
    api.validateMultiple(1, { type: 'string' });
    return [api, api.error];
  },
  lodash: (_) => [_([1, 2]), _.chain([1])],
  'crypto-js': (c) => [c.SHA256('x'), c.HmacSHA256('x', 'k'), c.AES.encrypt('m', 'k'), c.enc.Utf8.parse('x')],
  buffer: (b) => [b.Buffer.from('x'), b.Buffer.alloc(1)],
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const libCache = new Map<string, unknown>();
const libLoading = new Set<string>();
function loadLib(name: string): unknown {
  if (libCache.has(name)) return libCache.get(name);
  const source = Object.prototype.hasOwnProperty.call(config.libs, name) ? config.libs[name] : undefined;
  if (source === undefined) throw new Error(`Cannot find module '${String(name)}'`);
  if (libLoading.has(name)) throw new Error(`Cannot load '${name}' while it is loading`);
  libLoading.add(name);
  try {
    const exported = hardenTolerant(evaluateModule(source, libGlobals()));
    const probe = Object.prototype.hasOwnProperty.call(PROBES, name) ? PROBES[name] : undefined;
    if (probe) hardenPrototypesFrom(probe(exported));
    libCache.set(name, exported);
    return exported;
  } catch (err) {
    throw new Error(`Could not load the library '${name}': ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    libLoading.delete(name);
  }
}

const kitCaps: KitCaps = harden({ loadLib: (name: string) => loadLib(String(name)), randomFill });
const prelude = evaluateModule(config.prelude, libGlobals()) as { createKit(caps: KitCaps, l: typeof limits): Kit };
const kit = prelude.createKit(kitCaps, harden({ ...limits }));

// ---- running a script ----

function check(ctx: Ctx): void {
  if (!ctx.alive || ctx.checkQueued) return;
  ctx.checkQueued = true;
  realSetImmediate(() => {
    ctx.checkQueued = false;
    if (ctx.alive && ctx.io === 0) finish(ctx);
  });
}

function fallbackResult(ctx: Ctx, error: ScriptError): ScriptResult {
  return { tests: [], console: [], variables: ctx.input.variables, error };
}

function finish(ctx: Ctx, stopped?: ScriptError): void {
  if (!ctx.alive) return;
  ctx.alive = false;
  if (ctx.deadline) realClearTimeout(ctx.deadline);
  for (const t of ctx.timers.values()) dropTimer(t);
  ctx.timers.clear();
  for (const [id, p] of pendingCalls) if (p.ctx === ctx) pendingCalls.delete(id);
  let result: ScriptResult;
  try {
    result = ctx.world ? ctx.world.finish(stopped) : fallbackResult(ctx, stopped ?? { kind: 'runtime', message: scriptMessage(ctx.input, 'could not start') });
  } catch (err) {
    result = fallbackResult(ctx, stopped ?? { kind: 'runtime', message: scriptMessage(ctx.input, `failed: ${err instanceof Error ? err.message : String(err)}`) });
  }
  if (current === ctx) current = null;
  idleSoon();
  try {
    post({ t: 'done', id: ctx.id, result });
  } catch (err) {
    post({ t: 'done', id: ctx.id, result: fallbackResult(ctx, { kind: 'runtime', message: scriptMessage(ctx.input, `produced a result that could not be sent: ${err instanceof Error ? err.message : String(err)}`) }) });
  }
  // The next script's compartment, and the script the host expects next compiled into it, while
  // the host reads this result and sends the next request. The used one is only dropped, never
  // reused or changed.
  compileAhead(ctx.input.next);
}

function defineLazy(target: object, name: string, get: () => unknown): void {
  let cached: { value: unknown } | undefined;
  Object.defineProperty(target, name, {
    get: () => (cached ??= { value: get() }).value,
    set: (value: unknown) => Object.defineProperty(target, name, { value, writable: true, enumerable: false, configurable: true }),
    enumerable: false,
    configurable: true,
  });
}

const SES_REJECTIONS: [RegExp, string][] = [
  [/SES_IMPORT_REJECTED/, 'import() is not available in scripts; use require() for the built-in libraries'],
  [/SES_HTML_COMMENT_REJECTED/, 'HTML-like comments (<!-- and -->) are not allowed in scripts'],
  [/SES_EVAL_REJECTED/, 'direct eval() is not allowed in scripts'],
];

function syntaxError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  for (const [re, text] of SES_REJECTIONS) if (re.test(message)) return Object.assign(new SyntaxError(text), { name: 'SyntaxError' });
  return err instanceof Error ? err : new SyntaxError(message);
}

/** The next script's compartment (script-compartment.ts), made and warmed up while the worker waits. */
let realm: ScriptCompartment | null = null;
let realmUsed = false;
const makeRealm = () => new ScriptCompartment(baseGlobals);

/**
 * The script the host expects next (ScriptInput.next), compiled ahead into `realm` while the host
 * is busy with the request: only compiled — a function made, none of its code run. It is used
 * only by a script with exactly this source; any other script gets a fresh compartment instead,
 * so a compartment never holds the function of a script other than the one that runs in it.
 */
let ahead: { code: string; compiled: Compiled } | null = null;

/** A fresh compartment for the next script; a used one is dropped (code it made keeps its own). */
function prepareRealm(): void {
  if (realmUsed) {
    realm = null;
    ahead = null;
  }
  realmUsed = false;
  realm ??= makeRealm();
}

type Compiled = { fn: ScriptFn; isAsync: boolean } | { error: Error };

/**
 * The script as a function of the compartment: a function body, or an async one when it uses
 * top-level await. A script that does not parse answers its SyntaxError (in the words scripts see).
 */
function compileScript(c: ScriptCompartment, code: string): Compiled {
  const source = needsRewrite(code) ? rewriteForSes(code) : code;
  try {
    return { fn: c.compile(source, false), isAsync: false };
  } catch (err) {
    if (!(err instanceof SyntaxError && /\bawait\b/.test(err.message))) return { error: syntaxError(err) };
  }
  try {
    return { fn: c.compile(source, true), isAsync: true };
  } catch (err) {
    return { error: syntaxError(err) };
  }
}

/**
 * Whether the source parses as a function body on its own. Compiling wraps it in
 * `(function () {…})` and evaluates that; a source that closes the wrapper early
 * (`}); code(); (function () {`) would run code at compile time, so such a source is not
 * compiled ahead (it is compiled when it runs, as before, in its own world).
 */
function parsesAsBody(source: string): boolean {
  for (const Ctor of [FeralFunction, FeralAsyncFunction]) {
    try {
      new Ctor(source); // parsed only, never called
      return true;
    } catch {
      // not this kind of body
    }
  }
  return false;
}

/** Compiles the expected next script into the prepared compartment (see `ahead`). */
function compileAhead(code: string | undefined): void {
  prepareRealm();
  if (typeof code !== 'string' || code.trim() === '' || ahead?.code === code) return;
  if (ahead) {
    realm = makeRealm(); // it holds another script's function
    ahead = null;
  }
  const source = needsRewrite(code) ? rewriteForSes(code) : code;
  if (parsesAsBody(source)) ahead = { code, compiled: compileScript(realm!, code) };
}

/** A script's world (the pm prelude's globals) as the globals of its compartment. */
function installWorld(c: ScriptCompartment, world: ScriptWorld): void {
  for (const [name, value] of Object.entries(world.globals)) Object.defineProperty(c.global, name, { value, writable: true, enumerable: false, configurable: true });
  for (const [name, get] of Object.entries(world.lazyGlobals)) defineLazy(c.global, name, get);
}

/** The prepared compartment, marked used, and the script when it was compiled in it ahead. */
function takeRealm(code: string): { c: ScriptCompartment; compiled?: Compiled } {
  prepareRealm();
  if (ahead && ahead.code !== code) realm = makeRealm();
  const compiled = ahead?.code === code ? ahead.compiled : undefined;
  ahead = null;
  realmUsed = true;
  return { c: realm!, compiled };
}

function start(id: number, input: ScriptInput): void {
  const ctx: Ctx = { id, input, alive: true, io: 0, timers: new Map(), nextTimer: 0, calls: 0, checkQueued: false };
  current = ctx;
  Atomics.store(journalUsed, 0, 0);
  ctx.deadline = realSetTimeout(() => finish(ctx, { kind: 'timeout', message: timeoutMessage(input, limits.timeoutMs) }), limits.timeoutMs);
  // Only the prelude sees these (never a script): a shallow freeze is enough, and cheaper than harden().
  const caps: ScriptCaps = Object.freeze({
    setTimer: (kind: Timer['kind'], fn: (...a: unknown[]) => void, ms: number, args: unknown[]) => setTimer(ctx, kind, fn, ms, args),
    clearTimer: (timerId: number) => clearTimer(ctx, timerId),
    hostCall: (req: HostCall) => hostCall(ctx, req),
    journal: (line: string) => {
      if (ctx.alive) writeJournal(line);
    },
  });
  try {
    ctx.world = kit.open(input, caps);
  } catch (err) {
    finish(ctx, { kind: 'runtime', message: scriptMessage(input, `could not start: ${err instanceof Error ? err.message : String(err)}`) });
    return;
  }
  const world = ctx.world;
  const { c, compiled: early } = takeRealm(input.code);
  installWorld(c, world);
  const compiled = early ?? compileScript(c, input.code);
  if ('error' in compiled) {
    world.fail(compiled.error, 'syntax');
    finish(ctx);
    return;
  }
  try {
    const r = compiled.fn.call(c.global);
    if (compiled.isAsync) (r as Promise<unknown>).then(undefined, (err) => ctx.alive && world.fail(err));
  } catch (err) {
    world.fail(err);
  }
  check(ctx);
}

process.on('unhandledRejection', (reason) => {
  if (current?.alive) current.world?.fail(reason);
});
process.on('uncaughtException', (err) => {
  if (current?.alive) current.world?.fail(err);
});

function onMessage(msg: HostToWorker): void {
  if (msg.t === 'run') start(msg.id, msg.input);
  else if (msg.t === 'reply') onReply(msg);
}

// ---- warming up ----

/** What the warm-up scripts see: a JSON response to a GET, as a typical test script does. */
function warmUpInput(i: number): ScriptInput {
  const body = JSON.stringify({ id: i, name: `item ${i}`, tags: ['a', 'b'], price: i * 1.5, nested: { ok: true } });
  return {
    kind: 'test',
    code: '',
    location: 'warm-up',
    request: {
      method: 'GET',
      url: `http://localhost/items/${i}`,
      params: [],
      headers: [{ key: 'Accept', value: 'application/json', enabled: true }],
      body: { mode: 'none' },
      auth: { type: 'none' },
      settings: { timeoutMs: 30_000, followRedirects: true, maxRedirects: 10, verifyTls: true },
    },
    response: { code: 200, status: 'OK', headers: [['Content-Type', 'application/json'], ['Content-Length', String(body.length)]], body, responseTime: 1, responseSize: body.length, cookies: [] },
    variables: { globals: {}, collection: {}, environment: { baseUrl: 'http://localhost' }, iterationData: {}, local: {} },
    info: { eventName: 'test', iteration: 0, iterationCount: 1, requestName: `item ${i}`, requestId: `warm-up-${i}` },
    cookies: [],
  };
}

/** At most this many warm-up scripts, for at most this long (measured: 300 take 110–140 ms). */
const WARM_UP = { scripts: 300, ms: 250 };

const WARM_UP_SCRIPTS = [
  (i: number) => `const body = pm.response.json();\npm.test('item ${i}', function () {\n  pm.response.to.have.status(200);\n  pm.expect(body.id).to.equal(${i});\n  pm.expect(body.name).to.eql('item ${i}');\n  pm.expect(body.tags).to.include('a');\n});`,
  (i: number) => `pm.test('shape ${i}', () => {\n  const j = pm.response.json();\n  pm.expect(pm.response.code).to.be.oneOf([200, 201]);\n  pm.expect(j).to.have.property('nested');\n  pm.expect(j.price).to.be.a('number').and.above(-1);\n  pm.response.to.have.header('Content-Type');\n});\npm.environment.set('last', String(${i}));\npm.expect(pm.environment.get('last')).to.equal('${i}');\nwarmedItem = ${i};`,
];

/**
 * Runs typical test scripts in throw-away compartments while the worker has nothing else to do
 * (it has just started and the host is still loading), so V8 has compiled and optimised chai,
 * the pm shims and SES's paths before the first real script. Stops the moment a job arrives.
 * Nothing it does is seen by any script: each warm-up script has its own compartment and world,
 * with capabilities that do nothing.
 */
function warmUp(maxScripts: number, maxMs: number): void {
  const until = performance.now() + maxMs;
  const caps: ScriptCaps = Object.freeze({
    setTimer: () => {
      throw new Error('no timers while warming up');
    },
    clearTimer: () => undefined,
    hostCall: () => Promise.reject(new Error('no requests while warming up')),
    journal: () => undefined,
  });
  for (let i = 0; i < maxScripts && Atomics.load(wake, 0) === 0 && performance.now() < until; i++) {
    const input = warmUpInput(i);
    const world = kit.open(input, caps);
    const c = makeRealm();
    installWorld(c, world);
    const compiled = compileScript(c, WARM_UP_SCRIPTS[i % WARM_UP_SCRIPTS.length](i));
    if ('error' in compiled) break;
    try {
      compiled.fn.call(c.global);
    } catch {
      // a warm-up script has nothing to report
    }
    world.finish();
  }
}

let warmedUp = false;

/**
 * Between scripts: prepare the next Compartment, then block until the host posts a job. Nothing
 * else can need this thread meanwhile: a finished script has no timers or calls left (a late
 * reply for it waits in the queue and is dropped here). The first time, warm up first.
 */
function idle(): void {
  if (!warmedUp) {
    warmedUp = true;
    warmUp(WARM_UP.scripts, WARM_UP.ms);
  }
  for (;;) {
    if (current) return;
    prepareRealm();
    Atomics.wait(wake, 0, 0);
    Atomics.store(wake, 0, 0);
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      onMessage(m.message as HostToWorker);
      if (current) return;
    }
  }
}
const idleSoon = () => realSetImmediate(idle);

port.on('message', onMessage);
post({ t: 'ready' });
idleSoon();
