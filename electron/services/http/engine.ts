// The HTTP engine: sends a request (already variable-resolved, auth not `inherit`) the way Postman,
// Insomnia and Bruno users expect, and answers what happened in plain words. It never throws for
// network or user problems: a send answers { sent?, response?, error? }.
//
// Runs under plain Node (tests, CLI, web host) as well as in Electron's main process: it never
// imports `electron`. Requests go through undici with one pooled dispatcher per settings
// combination (dispatchers.ts); redirects are followed here so each hop's cookies reach the jar.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { request as undiciRequest } from 'undici';
import type {
  Cookie,
  HttpResponse,
  RequestSettings,
  RequestSpec,
  SendError,
  SentRequest,
  Timings,
} from '../../../shared/model.js';
import { applyAuth, authSawResponse, memoryTokenCache, type AuthContext, type TokenCache } from './auth/index.js';
import { CookieJarService, type CookieStore } from './cookie-jar.js';
import { DispatcherPool } from './dispatchers.js';
import { SendFailure, toSendError, type ErrorTarget } from './errors.js';
import { exchange, type Progress } from './exchange.js';
import { HeaderList } from './headers.js';
import { extensionForContentType } from './mime.js';
import type { ProxyEnv } from './proxy.js';
import { nextHop, redirectLocation, type HopSpec } from './redirect.js';
import { buildRequestBody } from './request-body.js';
import { requestUrl } from './request-url.js';
import { buildResponse } from './response.js';

export type { CookieStore } from './cookie-jar.js';
export type { TokenCache } from './auth/index.js';

export interface HttpEngineOptions {
  /** Bodies over the limit are saved under `<dataDir>/responses/`. */
  dataDir: string;
  cookieStore: CookieStore;
  /** Where OAuth 2.0 tokens are cached; in memory when omitted. */
  tokenCache?: TokenCache;
  /** The proxy variables (HTTP_PROXY, HTTPS_PROXY, NO_PROXY…), read at every send; default process.env. */
  env?: () => ProxyEnv;
  userAgent?: string;
}

export interface SendOptions {
  sendId: string;
  /** Bodies larger than this (after decoding) are streamed to a file instead of held in memory. */
  bodyLimitBytes: number;
  onProgress?: (p: Progress) => void;
}

export interface SendOutcome {
  sent?: SentRequest;
  response?: HttpResponse;
  error?: SendError;
}

export interface HttpEngine {
  send(req: RequestSpec, o: SendOptions): Promise<SendOutcome>;
  /** Aborts an in-flight send (it then answers error CANCELLED); false when none has that id. */
  cancel(sendId: string): boolean;
  cookies: {
    list(): Cookie[];
    delete(domain: string, path: string, name: string): void;
    clear(): void;
    /** For scripts (pm.cookies, pm.cookies.jar()): the cookies for a URL, and changes to them. */
    forUrl(url: string): Cookie[];
    set(url: string, name: string, value: string): void;
    /** Removes the cookie `name` for the URL, or every cookie for it when no name is given. */
    unset(url: string, name?: string): void;
  };
  /** Closes every pooled connection. */
  close(): Promise<void>;
}

const DEFAULT_SETTINGS: RequestSettings = { timeoutMs: 30_000, followRedirects: true, maxRedirects: 10, verifyTls: true };
/** Headers undici refuses or computes itself: the engine sets the length from the body. */
const ENGINE_OWNED_HEADERS = ['content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect'];

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Refuses, with a plain message, headers HTTP cannot carry (undici would only say "invalid header"). */
function checkHeaders(headers: HeaderList): void {
  for (const [name, value] of headers.pairs) {
    if (!HEADER_NAME.test(name)) {
      throw new SendFailure('NETWORK', `The header name "${name}" is not valid: use letters, digits and !#$%&'*+-.^_\`|~ only`);
    }
    if (/[\r\n\0]/.test(value)) {
      throw new SendFailure('NETWORK', `The value of the header "${name}" contains a line break or NUL, which HTTP does not allow`);
    }
  }
}

export function createHttpEngine(opts: HttpEngineOptions): HttpEngine {
  const jar = new CookieJarService(opts.cookieStore);
  const pool = new DispatcherPool(opts.env ?? (() => process.env));
  const tokenCache = opts.tokenCache ?? memoryTokenCache();
  const userAgent = opts.userAgent ?? 'Courier/0.1';
  const inFlight = new Map<string, AbortController>();
  const responsesDir = path.join(opts.dataDir, 'responses');

  function fileFor(sendId: string, contentType: string): string {
    fs.mkdirSync(responsesDir, { recursive: true });
    const safeId = sendId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'send';
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}-${randomBytes(3).toString('hex')}`;
    return path.join(responsesDir, `${name}.${extensionForContentType(contentType)}`);
  }

  function authContext(settings: RequestSettings, signal: AbortSignal): AuthContext {
    return {
      settings,
      signal,
      tokenCache,
      now: () => Date.now(),
      async postForm(url, headers, form) {
        const { dispatcher } = pool.for(new URL(url), settings.verifyTls);
        const res = await undiciRequest(url, {
          dispatcher,
          method: 'POST',
          headers: [...headers, ['User-Agent', userAgent]].flat(),
          body: form,
          signal,
        });
        const contentType = res.headers['content-type'];
        return {
          status: res.statusCode,
          contentType: Array.isArray(contentType) ? contentType.join(', ') : (contentType ?? ''),
          text: await res.body.text(),
        };
      },
    };
  }

  async function perform(
    spec: RequestSpec,
    o: SendOptions,
    signal: AbortSignal,
    state: { sent?: SentRequest; target?: ErrorTarget },
  ): Promise<HttpResponse> {
    const settings: RequestSettings = { ...DEFAULT_SETTINGS, ...spec.settings };
    const url = requestUrl(spec);
    state.target = { hostname: url.hostname, port: url.port, protocol: url.protocol };

    const headers = new HeaderList(
      (spec.headers ?? [])
        .filter((h) => h.enabled !== false && h.key.trim() !== '')
        .map((h): [string, string] => [h.key.trim(), h.value]),
    );
    checkHeaders(headers);
    for (const name of ENGINE_OWNED_HEADERS) headers.delete(name);

    const body = await buildRequestBody(spec.body ?? { mode: 'none' });
    signal.throwIfAborted();
    if (body?.contentType) headers.setDefault('Content-Type', body.contentType);

    const auth = spec.auth ?? { type: 'none' };
    const authCtx = authContext(settings, signal);
    await applyAuth(auth, { url, headers }, authCtx);
    signal.throwIfAborted();

    headers.setDefault('User-Agent', userAgent);
    headers.setDefault('Accept', '*/*');
    headers.setDefault('Accept-Encoding', 'gzip, deflate, br');
    const userCookie = headers.getAll('Cookie').join('; ');
    headers.delete('Cookie');

    let hop: HopSpec = { url, method: (spec.method || 'GET').toUpperCase(), headers, body, userCookie };
    const redirects: { status: number; url: string }[] = [];
    /** The cookies this send stored: the final response's and those of the redirect hops before it. */
    const cookies: Cookie[] = [];
    const totals = { dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0 };
    const startedAt = performance.now();
    let jarChanged = false;
    o.onProgress?.({ phase: 'connecting', bytes: 0 });

    try {
      for (;;) {
        const wire = hop.headers.clone();
        if (!wire.has('Host')) wire.pairs.unshift(['Host', hop.url.host]);
        const cookie = [hop.userCookie, jar.cookieHeader(hop.url.href)].filter(Boolean).join('; ');
        if (cookie) wire.add('Cookie', cookie);
        if (hop.body) wire.set('Content-Length', String(hop.body.length));
        state.sent ??= { method: hop.method, url: hop.url.href, headers: wire.pairs, bodySize: hop.body?.length ?? 0 };
        const { dispatcher, proxy } = pool.for(hop.url, settings.verifyTls);
        state.target = { hostname: hop.url.hostname, port: hop.url.port, protocol: hop.url.protocol, proxy };

        const current = hop;
        const result = await exchange(
          { url: hop.url, method: hop.method, headers: wire, body: hop.body, dispatcher, signal },
          {
            keepBody: (head) => !(settings.followRedirects && redirectLocation(head)),
            bodyLimitBytes: o.bodyLimitBytes,
            fileFor: (contentType) => fileFor(o.sendId, contentType),
            onProgress: o.onProgress,
          },
        );
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result.timings[key];

        const setCookies = result.head.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
        if (setCookies.length > 0) {
          cookies.push(...jar.storeFromResponse(current.url.href, setCookies));
          jarChanged = true;
        }

        const location = result.stored === null ? redirectLocation(result.head) : undefined;
        if (location !== undefined) {
          if (redirects.length >= settings.maxRedirects) {
            throw new SendFailure(
              'TOO_MANY_REDIRECTS',
              `Stopped after ${settings.maxRedirects} redirects (the limit in this request's settings); the next one pointed to ${new URL(location, current.url).href}`,
            );
          }
          redirects.push({ status: result.head.status, url: current.url.href });
          hop = nextHop(current, result.head.status, location);
          continue;
        }

        authSawResponse(auth, result.head.status, authCtx);
        const timings: Timings = { ...totals, total: performance.now() - startedAt };
        return buildResponse({ url: current.url, hop: result, timings, cookies, redirects, bodyLimitBytes: o.bodyLimitBytes });
      }
    } finally {
      if (jarChanged) jar.save();
    }
  }

  return {
    async send(spec, o) {
      const controller = new AbortController();
      inFlight.get(o.sendId)?.abort(new SendFailure('CANCELLED', 'The request was replaced by a newer send with the same id'));
      inFlight.set(o.sendId, controller);
      const timeoutMs = spec.settings?.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs;
      const timer =
        timeoutMs > 0
          ? setTimeout(() => controller.abort(new SendFailure('TIMEOUT', `Timed out after ${timeoutMs} ms`)), timeoutMs)
          : undefined;
      const state: { sent?: SentRequest; target?: ErrorTarget } = {};
      try {
        const response = await perform(spec, o, controller.signal, state);
        return { sent: state.sent, response };
      } catch (err) {
        const reason: unknown = controller.signal.aborted ? controller.signal.reason : err;
        return { ...(state.sent ? { sent: state.sent } : {}), error: toSendError(reason, state.target) };
      } finally {
        clearTimeout(timer);
        if (inFlight.get(o.sendId) === controller) inFlight.delete(o.sendId);
      }
    },
    cancel(sendId) {
      const controller = inFlight.get(sendId);
      if (!controller) return false;
      controller.abort(new SendFailure('CANCELLED', 'The request was cancelled'));
      return true;
    },
    cookies: {
      list: () => jar.list(),
      delete: (domain, p, name) => jar.delete(domain, p, name),
      clear: () => jar.clear(),
      forUrl: (url) => jar.forUrl(url),
      set: (url, name, value) => jar.setForUrl(url, name, value),
      unset: (url, name) => jar.removeForUrl(url, name),
    },
    close: () => pool.close(),
  };
}
