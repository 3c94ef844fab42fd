// pm.sendRequest(urlOrRequest, callback?): the script's only way to the network, through the
// host (ScriptHost.sendRequest). Only http:// and https:// URLs leave the sandbox; anything else
// is refused here and again by the host.
import type { Auth, Body, KeyValue, RequestSpec } from '../../../../shared/model.js';
import type { HostCall, HostCallResult } from '../protocol.js';
import { Header, PropertyList } from './list.js';
import { Request, RequestAuth, requestToSpec } from './request.js';
import { Response } from './response.js';
import { Url } from './url.js';
import { isObjectLike, isPlainObject, safeString } from './util.js';

const SETTINGS: RequestSpec['settings'] = { timeoutMs: 30_000, followRedirects: true, maxRedirects: 10, verifyTls: true };

/** The URL with a scheme, or an error for anything but http(s). */
export function checkUrl(raw: string): string {
  const url = raw.trim();
  if (url === '') throw new Error('pm.sendRequest: the URL is empty');
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(url);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s !== 'http' && s !== 'https') throw new Error(`pm.sendRequest: only http:// and https:// URLs are allowed, not ${s}:`);
    return url;
  }
  return `http://${url}`;
}

function urlText(url: unknown): string {
  if (typeof url === 'string') return url;
  if (url instanceof Url) return url.toString();
  if (isPlainObject(url) && !Object.prototype.hasOwnProperty.call(url, 'toString')) {
    // Postman's URL object: { raw } or { protocol, host, path, query, … }
    if (typeof url.raw === 'string') return url.raw;
    return new Url(url).toString();
  }
  if (isObjectLike(url)) return safeString(url);
  throw new Error('pm.sendRequest: a request needs a URL');
}

function headersOf(header: unknown): KeyValue[] {
  if (header === undefined || header === null) return [];
  if (header instanceof PropertyList) return header.members.map((h) => ({ key: safeString((h as Header).key ?? ''), value: safeString((h as Header).value ?? ''), enabled: !h.disabled }));
  if (typeof header === 'string') return Header.parse(header).map((h) => ({ ...h, enabled: true }));
  if (Array.isArray(header)) {
    return header
      .filter((h) => isObjectLike(h))
      .map((h) => ({ key: safeString(h.key ?? h.name ?? ''), value: safeString(h.value ?? ''), enabled: !h.disabled }));
  }
  if (isObjectLike(header)) return Object.entries(header).map(([key, value]) => ({ key, value: safeString(value), enabled: true }));
  return [];
}

function listOf(items: unknown): KeyValue[] {
  if (items instanceof PropertyList) return items.members.map((p) => ({ key: safeString((p as Header).key ?? ''), value: safeString((p as Header).value ?? ''), enabled: !p.disabled }));
  if (Array.isArray(items)) return items.filter(isObjectLike).map((p) => ({ key: safeString(p.key ?? ''), value: safeString(p.value ?? ''), enabled: !p.disabled }));
  if (isObjectLike(items)) return Object.entries(items).map(([key, value]) => ({ key, value: safeString(value), enabled: true }));
  return [];
}

function bodyOf(body: unknown): Body {
  if (body === undefined || body === null) return { mode: 'none' };
  if (typeof body === 'string') return { mode: 'raw', language: 'text', raw: body };
  if (!isObjectLike(body)) return { mode: 'raw', language: 'text', raw: safeString(body) };
  const b = body as Record<string, unknown>;
  switch (b.mode) {
    case 'raw': {
      const raw = typeof b.raw === 'string' ? b.raw : b.raw === undefined ? '' : JSON.stringify(b.raw);
      const lang = isObjectLike(b.options) && isObjectLike((b.options as Record<string, unknown>).raw) ? ((b.options as { raw: { language?: unknown } }).raw.language as string) : undefined;
      const language = lang && ['json', 'text', 'xml', 'html', 'javascript'].includes(lang) ? (lang as 'json') : 'text';
      return { mode: 'raw', language, raw };
    }
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: listOf(b.urlencoded) };
    case 'formdata':
      return {
        mode: 'formdata',
        formdata: listOf(b.formdata).map((f) => ({ key: f.key, value: f.value, enabled: f.enabled, type: 'text' as const })),
      };
    case 'graphql': {
      const g = isObjectLike(b.graphql) ? (b.graphql as Record<string, unknown>) : {};
      return { mode: 'raw', language: 'json', raw: JSON.stringify({ query: g.query ?? '', variables: g.variables ?? {} }) };
    }
    case 'file':
      throw new Error('pm.sendRequest: file bodies are not supported in scripts');
    default:
      return { mode: 'none' };
  }
}

function authOf(auth: unknown): Auth {
  if (auth === undefined || auth === null) return { type: 'none' };
  const a = auth instanceof RequestAuth ? auth : new RequestAuth(auth);
  const spec = requestToSpec(Object.assign(new Request({ url: 'http://x' }), { auth: a }), {
    method: 'GET',
    url: '',
    params: [],
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'none' },
    settings: SETTINGS,
  });
  return spec.auth.type === 'inherit' ? { type: 'none' } : spec.auth;
}

/** Whatever a script passes to pm.sendRequest, as a RequestSpec. */
export function toSendSpec(req: unknown): RequestSpec {
  if (typeof req === 'string') {
    return { method: 'GET', url: checkUrl(req), params: [], headers: [], body: { mode: 'none' }, auth: { type: 'none' }, settings: SETTINGS };
  }
  if (req instanceof Request) {
    const spec = requestToSpec(req, { method: 'GET', url: '', params: [], headers: [], body: { mode: 'none' }, auth: { type: 'none' }, settings: SETTINGS });
    return { ...spec, url: checkUrl(spec.url), params: [], auth: spec.auth.type === 'inherit' ? { type: 'none' } : spec.auth };
  }
  if (!isObjectLike(req)) throw new Error('pm.sendRequest: nothing to request');
  const r = req as Record<string, unknown>;
  const method = r.method === undefined ? 'GET' : safeString(r.method).toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw new Error(`pm.sendRequest: "${method}" is not an HTTP method`);
  return {
    method,
    url: checkUrl(urlText(r.url)),
    params: [],
    headers: headersOf(r.header ?? r.headers),
    body: bodyOf(r.body),
    auth: authOf(r.auth),
    settings: SETTINGS,
  };
}

type Callback = (this: unknown, err: Error | null, response?: Response) => void;

export function makeSendRequest(call: (req: HostCall) => Promise<HostCallResult>, self: () => unknown, onCallbackError: (err: unknown) => void) {
  return function sendRequest(req: unknown, callback?: unknown): Promise<Response | undefined> {
    let p: Promise<Response>;
    try {
      const request = toSendSpec(req);
      p = call({ op: 'send', request }).then((r) => {
        if (r.op !== 'send') throw new Error('pm.sendRequest: unexpected answer');
        if (r.error !== undefined || !r.response) throw new Error(r.error ?? 'pm.sendRequest: no response');
        return new Response(r.response);
      });
    } catch (err) {
      p = Promise.reject(err);
    }
    if (typeof callback !== 'function') return p;
    const cb = callback as Callback;
    return p
      .then(
        (res) => {
          cb.call(self(), null, res);
          return res;
        },
        (err) => {
          cb.call(self(), err instanceof Error ? err : new Error(String(err)));
          return undefined;
        },
      )
      .catch((err) => {
        onCallbackError(err);
        return undefined;
      });
  };
}
