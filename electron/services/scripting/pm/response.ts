// pm.response (and the responses pm.sendRequest hands its callback): Postman's Response.
import type { ScriptResponse } from '../types.js';
import { brands } from './brands.js';
import { makeCookieList } from './cookies.js';
import { chai } from './expect.js';
import { btoa } from './base64.js';
import { Header, PropertyList, makeHeaderList } from './list.js';
import { REASON_PHRASES } from './reasons.js';
import type { Cookie } from './cookies.js';

function jsonError(err: unknown): Error {
  const e = new Error(err instanceof Error ? err.message : String(err));
  e.name = 'JSONError';
  return e;
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

export class Response {
  code: number;
  status: string;
  headers: PropertyList<Header>;
  cookies: PropertyList<Cookie>;
  responseTime: number;
  responseSize: number;
  readonly #body: string;

  constructor(r: ScriptResponse) {
    this.code = r.code;
    this.status = r.status || REASON_PHRASES[r.code] || '';
    this.headers = makeHeaderList(r.headers.map(([key, value]) => ({ key, value })));
    this.cookies = makeCookieList(r.cookies);
    this.responseTime = r.responseTime;
    this.responseSize = r.responseSize;
    this.#body = r.body;
  }

  static isResponse(v: object): boolean {
    return #body in v;
  }

  get to(): unknown {
    return chai.expect(this).to;
  }

  text(): string {
    return this.#body;
  }

  json(reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
    try {
      return JSON.parse(stripBom(this.#body), reviver);
    } catch (err) {
      throw jsonError(err);
    }
  }

  jsonp(reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
    const m = /^[\s\w$.]*\(([\s\S]*)\)\s*;?\s*$/.exec(this.#body);
    if (!m) return this.json(reviver);
    try {
      return JSON.parse(m[1], reviver);
    } catch (err) {
      throw jsonError(err);
    }
  }

  reason(): string {
    return this.status;
  }

  details(): { code: number; name: string; detail: string } {
    return { code: this.code, name: this.status, detail: this.status };
  }

  size(): { body: number; header: number; total: number } {
    const header = this.headers.members.reduce((n, h) => n + String(h.key ?? '').length + String(h.value ?? '').length + 4, 0);
    return { body: this.responseSize, header, total: this.responseSize + header };
  }

  contentInfo(): { mimeType: string; mimeFormat: string; charset: string; fileExtension: string } {
    const ct = String(this.headers.get('content-type') ?? '');
    const [mime, ...params] = ct.split(';').map((s) => s.trim());
    const charset = params.map((p) => /^charset=(.*)$/i.exec(p)?.[1]).find(Boolean) ?? 'utf8';
    const [type = '', sub = ''] = (mime || 'text/plain').split('/');
    const format = /json/.test(sub) ? 'json' : /xml/.test(sub) ? 'xml' : /html/.test(sub) ? 'html' : type === 'image' ? 'image' : 'plain';
    return { mimeType: type, mimeFormat: format, charset, fileExtension: sub.replace(/^.*\+/, '') };
  }

  dataURI(): string {
    const ct = String(this.headers.get('content-type') ?? 'text/plain');
    return `data:${ct.split(';')[0]};base64, ${btoa(this.#body)}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      status: this.status,
      header: this.headers.toJSON(),
      cookie: this.cookies.toJSON(),
      body: this.#body,
      responseTime: this.responseTime,
      responseSize: this.responseSize,
    };
  }
}

brands.isResponse = (v) => Response.isResponse(v as object);
