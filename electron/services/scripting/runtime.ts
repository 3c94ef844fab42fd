// The script runtime: Postman scripts in Hardened JavaScript (SES) inside a worker thread.
//
// How it holds:
// - One warm worker per runtime (worker/main.ts). At start it runs SES `lockdown()` (every
//   intrinsic frozen, Function/eval/Date/Math/Error tamed) and loads the pm prelude once; libraries
//   load on first require() and stay. Each script then runs in a fresh Compartment (made while the
//   worker waits, see worker/script-compartment.ts) whose globals are only what the prelude builds
//   for it: no process, require, import, or host object is reachable, and shared objects (chai,
//   libraries, pm classes) are frozen, so a script cannot poison the next one.
// - Plain data crosses, both ways (structured clone): ScriptInput in, ScriptResult out. The host
//   re-validates everything the worker sends, and the only requests a script can make are
//   pm.sendRequest and the cookie jar, through the ScriptHost passed to run(), http(s) only.
// - Time: the worker stops a script still waiting (timers, requests) at the limit itself; a
//   script that never yields (a loop) is stopped by terminating the worker at the limit plus a
//   grace period. Memory: the worker's V8 heap limit (resourceLimits), plus a watchdog on the
//   process RSS for memory V8 does not count (ArrayBuffers). Either way the result says so
//   (error.kind 'timeout' / 'memory'), a fresh worker starts, and the next script runs.
// - Files: the worker and the code evaluated inside it are built by scripts/build-sandbox.mjs into
//   dist/sandbox (scripts/build.mjs calls it); from source (vitest) they are built on demand into
//   node_modules/.cache/courier-sandbox. See locate.ts. The worker is started from the file's text
//   (eval), so it also works from inside Electron's asar.
import { Worker } from 'node:worker_threads';
import { RequestSpec } from '../../../shared/model.js';
import { loadSandboxFiles } from './locate.js';
import type { HostCall, HostCallResult, SandboxLimits, WorkerConfig, WorkerToHost } from './protocol.js';
import { DEFAULT_LIMITS, JOURNAL_HEADER_BYTES, memoryMessage, scriptMessage, timeoutMessage } from './protocol.js';
import type { ScriptConsoleEntry, ScriptError, ScriptHost, ScriptInput, ScriptResponse, ScriptResult, ScriptRuntime, ScriptRuntimeOptions, ScriptTestResult, ScriptVariables } from './types.js';

const MB = 1024 * 1024;

interface Job {
  id: number;
  input: ScriptInput;
  host: ScriptHost;
  resolve(result: ScriptResult): void;
  timer?: ReturnType<typeof setTimeout>;
  watchdog?: ReturnType<typeof setInterval>;
}

interface Slot {
  worker: Worker;
  /** See WorkerConfig.wake. */
  wake: Int32Array;
  /** See WorkerConfig.journal. */
  journal: SharedArrayBuffer;
  ready: Promise<void>;
  job: Job | null;
  /** Why we terminated it, if we did. */
  stopping?: 'timeout' | 'memory' | 'closed';
  outOfMemory?: boolean;
  exited: boolean;
  startError?: string;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError(`createScriptRuntime: ${name} must be a positive number`);
  return value;
}

const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug']);
const KINDS = new Set(['syntax', 'runtime', 'timeout', 'memory', 'output']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringMap(v: unknown): Record<string, string> | null {
  if (!isRecord(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') return null;
    Object.defineProperty(out, k, { value: val, writable: true, enumerable: true, configurable: true });
  }
  return out;
}

function copyVariables(v: ScriptVariables): ScriptVariables {
  return { globals: { ...v.globals }, collection: { ...v.collection }, environment: { ...v.environment }, iterationData: { ...v.iterationData }, local: { ...v.local } };
}

const failure = (input: ScriptInput, error: ScriptError, partial?: Pick<ScriptResult, 'tests' | 'console'>): ScriptResult => ({
  tests: partial?.tests ?? [],
  console: partial?.console ?? [],
  variables: copyVariables(input.variables),
  error,
});

/** What a script had recorded when its worker had to be terminated (see WorkerConfig.journal). */
function readJournal(journal: SharedArrayBuffer): Pick<ScriptResult, 'tests' | 'console'> {
  const used = Math.min(new Int32Array(journal, 0, 1)[0], journal.byteLength - JOURNAL_HEADER_BYTES);
  const tests: ScriptTestResult[] = [];
  const console: ScriptConsoleEntry[] = [];
  if (used <= 0) return { tests, console };
  const text = Buffer.from(new Uint8Array(journal, JOURNAL_HEADER_BYTES, used)).toString('utf8');
  for (const line of text.split('\n')) {
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isRecord(rec)) continue;
    if (typeof rec.t === 'number' && Number.isInteger(rec.t) && rec.t >= 0 && rec.t <= tests.length && typeof rec.n === 'string' && typeof rec.p === 'boolean' && typeof rec.s === 'boolean') {
      const pending = rec.w === true;
      const error = pending ? 'Error: the script was stopped before this test finished' : typeof rec.e === 'string' ? rec.e : undefined;
      tests[rec.t] = error === undefined ? { name: rec.n, passed: rec.p, skipped: rec.s } : { name: rec.n, passed: pending ? false : rec.p, skipped: rec.s, error };
    } else if (typeof rec.c === 'string' && LEVELS.has(rec.c) && Array.isArray(rec.a) && rec.a.every((a) => typeof a === 'string')) {
      console.push({ level: rec.c as ScriptConsoleEntry['level'], args: rec.a as string[] });
    }
  }
  return { tests, console };
}

/** What the worker answered, checked field by field and rebuilt; null when malformed. */
function cleanResult(raw: unknown, input: ScriptInput): ScriptResult | null {
  if (!isRecord(raw) || !Array.isArray(raw.tests) || !Array.isArray(raw.console) || !isRecord(raw.variables)) return null;
  const tests: ScriptTestResult[] = [];
  for (const t of raw.tests) {
    if (!isRecord(t) || typeof t.name !== 'string' || typeof t.passed !== 'boolean' || typeof t.skipped !== 'boolean') return null;
    if (t.error !== undefined && typeof t.error !== 'string') return null;
    tests.push(t.error === undefined ? { name: t.name, passed: t.passed, skipped: t.skipped } : { name: t.name, passed: t.passed, skipped: t.skipped, error: t.error });
  }
  const console: ScriptConsoleEntry[] = [];
  for (const c of raw.console) {
    if (!isRecord(c) || typeof c.level !== 'string' || !LEVELS.has(c.level) || !Array.isArray(c.args) || !c.args.every((a) => typeof a === 'string')) return null;
    console.push({ level: c.level as ScriptConsoleEntry['level'], args: c.args.slice() as string[] });
  }
  const v = raw.variables;
  const globals = stringMap(v.globals);
  const collection = stringMap(v.collection);
  const environment = stringMap(v.environment);
  const local = stringMap(v.local);
  if (!globals || !collection || !environment || !local) return null;
  const result: ScriptResult = { tests, console, variables: { globals, collection, environment, iterationData: { ...input.variables.iterationData }, local } };
  if (raw.error !== undefined) {
    if (!isRecord(raw.error) || typeof raw.error.kind !== 'string' || !KINDS.has(raw.error.kind) || typeof raw.error.message !== 'string') return null;
    result.error = { kind: raw.error.kind as ScriptError['kind'], message: raw.error.message };
  }
  if (raw.nextRequest !== undefined) {
    if (raw.nextRequest !== null && typeof raw.nextRequest !== 'string') return null;
    result.nextRequest = raw.nextRequest;
  }
  if (raw.skipRequest !== undefined) {
    if (typeof raw.skipRequest !== 'boolean') return null;
    if (raw.skipRequest) result.skipRequest = true;
  }
  if (raw.request !== undefined && input.kind === 'prerequest') {
    const parsed = RequestSpec.safeParse(raw.request);
    if (parsed.success) result.request = parsed.data;
    else if (!result.error) {
      const issue = parsed.error.issues[0];
      result.error = { kind: 'runtime', message: scriptMessage(input, `changed pm.request into something Courier cannot send: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid request'}`) };
    }
  }
  return result;
}

function httpUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${what}: invalid URL ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${what}: only http:// and https:// URLs are allowed, not ${url.protocol}`);
  return raw;
}

function cleanResponse(r: ScriptResponse): ScriptResponse {
  return {
    code: Number(r.code) || 0,
    status: String(r.status ?? ''),
    headers: Array.isArray(r.headers) ? r.headers.map(([k, v]) => [String(k), String(v)] as [string, string]) : [],
    body: typeof r.body === 'string' ? r.body : String(r.body ?? ''),
    responseTime: Number(r.responseTime) || 0,
    responseSize: Number(r.responseSize) || 0,
    cookies: Array.isArray(r.cookies)
      ? r.cookies.map((c) => ({
          name: String(c.name),
          value: String(c.value),
          domain: String(c.domain ?? ''),
          path: String(c.path ?? '/'),
          expires: c.expires === null || c.expires === undefined ? null : String(c.expires),
          httpOnly: Boolean(c.httpOnly),
          secure: Boolean(c.secure),
          ...(c.sameSite !== undefined ? { sameSite: String(c.sameSite) } : {}),
        }))
      : [],
  };
}

/** A request from the worker, checked again, answered through the ScriptHost. */
async function handleHostCall(host: ScriptHost, req: HostCall): Promise<HostCallResult> {
  if (req.op === 'send') {
    const parsed = RequestSpec.safeParse(req.request);
    if (!parsed.success) throw new Error(`pm.sendRequest: invalid request (${parsed.error.issues[0]?.message ?? 'malformed'})`);
    httpUrl(parsed.data.url, 'pm.sendRequest');
    const r = await host.sendRequest(parsed.data);
    if (typeof r?.error === 'string') return { op: 'send', error: r.error };
    if (!r?.response) return { op: 'send', error: 'pm.sendRequest: no response' };
    return { op: 'send', response: cleanResponse(r.response) };
  }
  if (req.op === 'jar') {
    const jar = host.cookieJar;
    if (!jar) throw new Error('pm.cookies.jar(): there is no cookie jar in this run');
    const url = httpUrl(String(req.url), `pm.cookies.jar().${req.method}`);
    const name = String(req.name ?? '');
    switch (req.method) {
      case 'get': {
        const value = await jar.get(url, name);
        return { op: 'jar', value: typeof value === 'string' ? value : null };
      }
      case 'set':
        await jar.set(url, name, String(req.value ?? ''));
        return { op: 'jar' };
      case 'unset':
        await jar.unset(url, name);
        return { op: 'jar' };
      case 'clear':
        await jar.clear(url);
        return { op: 'jar' };
    }
  }
  throw new Error('unknown request from the sandbox');
}

class SandboxRuntime implements ScriptRuntime {
  readonly #limits: SandboxLimits;
  readonly #memoryLimitMb: number;
  readonly #graceMs: number;
  readonly #queue: Job[] = [];
  #slot: Slot | null = null;
  #busy = false;
  #closed = false;
  #nextId = 0;
  #rss = { at: 0, value: 0 };

  constructor(limits: SandboxLimits, memoryLimitMb: number) {
    this.#limits = limits;
    this.#memoryLimitMb = memoryLimitMb;
    this.#graceMs = Math.min(1000, Math.max(100, limits.timeoutMs * 0.1));
    // Warm up now, so the first script does not pay for it.
    this.#ensureSlot().catch(() => undefined);
  }

  run(input: ScriptInput, host: ScriptHost): Promise<ScriptResult> {
    if (this.#closed) return Promise.reject(new Error('The script runtime is closed'));
    if (!input || typeof input.code !== 'string') return Promise.reject(new TypeError('run: input.code must be a string'));
    if (input.code.trim() === '') return Promise.resolve({ tests: [], console: [], variables: copyVariables(input.variables) });
    return new Promise<ScriptResult>((resolve) => {
      this.#queue.push({ id: ++this.#nextId, input, host, resolve });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.resolve(failure(job.input, { kind: 'runtime', message: scriptMessage(job.input, 'did not run: the script runtime was closed') }));
    const slot = this.#slot;
    this.#slot = null;
    if (slot && !slot.exited) {
      slot.stopping = 'closed';
      await slot.worker.terminate();
    }
  }

  #pump(): void {
    if (this.#busy || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#busy = true;
    this.#start(job).catch((err) => this.#settle(null, job, failure(job.input, { kind: 'runtime', message: scriptMessage(job.input, `could not run: ${err instanceof Error ? err.message : String(err)}`) })));
  }

  #ensureSlot(): Promise<Slot> {
    if (this.#slot && !this.#slot.exited) return this.#slot.ready.then(() => this.#slot as Slot);
    const created = this.#spawn();
    return created.then((slot) => slot.ready.then(() => slot));
  }

  async #spawn(): Promise<Slot> {
    const files = await loadSandboxFiles();
    if (this.#slot && !this.#slot.exited) return this.#slot;
    const wake = new SharedArrayBuffer(4);
    const journal = new SharedArrayBuffer(JOURNAL_HEADER_BYTES + this.#limits.maxOutputBytes + 1024 * 1024);
    const config: WorkerConfig = { limits: this.#limits, prelude: files.prelude, libs: files.libs, wake, journal };
    const worker = new Worker(files.worker, {
      eval: true,
      workerData: config,
      env: {},
      argv: [],
      execArgv: [],
      stdout: true,
      stderr: true,
      resourceLimits: {
        maxOldGenerationSizeMb: this.#memoryLimitMb,
        // Scripts' objects are short-lived: a small young generation costs no measurable time and
        // keeps the process's peak RSS lower (8 MB: ~7 MB less than 16).
        maxYoungGenerationSizeMb: Math.max(4, Math.min(8, Math.floor(this.#memoryLimitMb / 8))),
        stackSizeMb: 4,
      },
    });
    worker.stdout.resume();
    let stderr = '';
    worker.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    let markReady: () => void = () => undefined;
    let markFailed: (e: Error) => void = () => undefined;
    const slot: Slot = {
      worker,
      wake: new Int32Array(wake),
      journal,
      job: null,
      exited: false,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        markFailed = reject;
      }),
    };
    slot.ready.catch(() => undefined);
    this.#slot = slot;
    worker.on('message', (msg: WorkerToHost) => {
      if (msg.t === 'ready') markReady();
      else if (msg.t === 'done') this.#onDone(slot, msg.id, msg.result);
      else if (msg.t === 'call') this.#onCall(slot, msg.id, msg.call, msg.req);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') slot.outOfMemory = true;
      else slot.startError = err.message;
    });
    worker.on('exit', (code) => {
      slot.exited = true;
      markFailed(new Error(`the script sandbox could not start: ${slot.startError ?? (stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`)}`));
      if (this.#slot === slot) this.#slot = null;
      const job = slot.job;
      slot.job = null;
      if (job) {
        const input = job.input;
        const error: ScriptError =
          slot.stopping === 'timeout'
            ? { kind: 'timeout', message: timeoutMessage(input, this.#limits.timeoutMs) }
            : slot.stopping === 'memory' || slot.outOfMemory
              ? { kind: 'memory', message: memoryMessage(input, this.#memoryLimitMb) }
              : slot.stopping === 'closed'
                ? { kind: 'runtime', message: scriptMessage(input, 'was stopped: the script runtime was closed') }
                : { kind: 'runtime', message: scriptMessage(input, `stopped the sandbox unexpectedly (${slot.startError ?? `exit code ${code}`})`) };
        this.#settle(null, job, failure(input, error, readJournal(slot.journal)));
      }
      // A fresh warm worker for whatever comes next.
      if (!this.#closed && slot.stopping !== 'closed' && (job || this.#queue.length > 0)) this.#ensureSlot().catch(() => undefined);
    });
    worker.unref();
    return slot;
  }

  async #start(job: Job): Promise<void> {
    const slot = await this.#ensureSlot();
    if (this.#closed) {
      this.#settle(null, job, failure(job.input, { kind: 'runtime', message: scriptMessage(job.input, 'did not run: the script runtime was closed') }));
      return;
    }
    slot.job = job;
    slot.worker.ref();
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      slot.stopping = 'timeout';
      void slot.worker.terminate();
    }, this.#limits.timeoutMs + this.#graceMs);
    // V8's heap limit does not count ArrayBuffers; watch the process as a whole for a runaway.
    const now = performance.now();
    if (now - this.#rss.at > 250) this.#rss = { at: now, value: process.memoryUsage.rss() };
    const rssStart = this.#rss.value;
    const rssLimit = (this.#memoryLimitMb * 4 + 512) * MB;
    job.watchdog = setInterval(() => {
      if (slot.job === job && process.memoryUsage.rss() - rssStart > rssLimit) {
        slot.stopping = 'memory';
        void slot.worker.terminate();
      }
    }, 50);
    job.watchdog.unref();
    try {
      slot.worker.postMessage({ t: 'run', id: job.id, input: job.input });
      Atomics.store(slot.wake, 0, 1);
      Atomics.notify(slot.wake, 0);
    } catch (err) {
      this.#settle(slot, job, failure(job.input, { kind: 'runtime', message: scriptMessage(job.input, `could not be sent to the sandbox: ${err instanceof Error ? err.message : String(err)}`) }));
    }
  }

  #onDone(slot: Slot, id: number, raw: unknown): void {
    const job = slot.job;
    if (!job || job.id !== id) return;
    const result = cleanResult(raw, job.input) ?? failure(job.input, { kind: 'runtime', message: scriptMessage(job.input, 'returned a malformed result from the sandbox') });
    this.#settle(slot, job, result);
  }

  #onCall(slot: Slot, id: number, call: number, req: HostCall): void {
    const job = slot.job;
    if (!job || job.id !== id) return;
    handleHostCall(job.host, req).then(
      (value) => {
        if (slot.job === job && !slot.exited) slot.worker.postMessage({ t: 'reply', id, call, value });
      },
      (err: unknown) => {
        if (slot.job === job && !slot.exited) slot.worker.postMessage({ t: 'reply', id, call, error: err instanceof Error ? err.message : String(err) });
      },
    );
  }

  #settle(slot: Slot | null, job: Job, result: ScriptResult): void {
    if (job.timer) clearTimeout(job.timer);
    if (job.watchdog) clearInterval(job.watchdog);
    if (slot && slot.job === job) {
      slot.job = null;
      slot.worker.unref();
    }
    this.#busy = false;
    job.resolve(result);
    this.#pump();
  }
}

/**
 * A warm script sandbox. Scripts run one at a time, in order; run() never rejects for anything a
 * script does — failures come back as `result.error` — only when the runtime is closed or the
 * input is not a script.
 */
export function createScriptRuntime(options: ScriptRuntimeOptions = {}): ScriptRuntime {
  const limits: SandboxLimits = {
    ...DEFAULT_LIMITS,
    timeoutMs: positive(options.timeoutMs, DEFAULT_LIMITS.timeoutMs, 'timeoutMs'),
    maxConsoleEntries: Math.floor(positive(options.maxConsoleEntries, DEFAULT_LIMITS.maxConsoleEntries, 'maxConsoleEntries')),
  };
  const memoryLimitMb = Math.max(16, Math.floor(positive(options.memoryLimitMb, 128, 'memoryLimitMb')));
  return new SandboxRuntime(limits, memoryLimitMb);
}
