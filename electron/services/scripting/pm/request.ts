// pm.request: Postman's Request (url, method, headers, body, auth), built from Courier's
// RequestSpec and turned back into one after a pre-request script changed it.
import type { Auth, Body, FormField, KeyValue, RequestSpec } from '../../../../shared/model.js';
import { brands } from './brands.js';
import { chai } from './expect.js';
import { Header, makeHeaderList, makePropList, makeQueryList, Prop, PropertyList, QueryParam } from './list.js';
import { Url } from './url.js';
import { isObjectLike, isPlainObject, safeString } from './util.js';

const RAW_LANGUAGES = ['json', 'text', 'xml', 'html', 'javascript'];

export class RequestBody {
  declare mode?: string;
  declare raw?: unknown;
  declare urlencoded?: PropertyList<QueryParam>;
  declare formdata?: PropertyList<Prop>;
  declare file?: { src?: string; content?: string };
  declare graphql?: { query?: string; variables?: unknown };
  declare options?: { raw?: { language?: string } };
  declare disabled?: boolean;

  constructor(options?: unknown) {
    this.update(options);
  }

  update(options: unknown): void {
    if (typeof options === 'string') options = { mode: 'raw', raw: options };
    if (!isObjectLike(options)) return;
    const o = options as Record<string, unknown>;
    if (typeof o.mode === 'string') this.mode = o.mode;
    if ('raw' in o) this.raw = o.raw;
    if ('urlencoded' in o) this.urlencoded = makeQueryList(o.urlencoded ?? []);
    if ('formdata' in o) this.formdata = makePropList(o.formdata ?? []);
    if (isObjectLike(o.file)) this.file = { ...(o.file as object) };
    if (isObjectLike(o.graphql)) this.graphql = { ...(o.graphql as object) };
    if (isObjectLike(o.options)) this.options = JSON.parse(JSON.stringify(o.options));
    if ('disabled' in o) this.disabled = Boolean(o.disabled);
  }

  isEmpty(): boolean {
    switch (this.mode) {
      case 'raw':
        return this.raw === undefined || this.raw === null || safeString(this.raw) === '';
      case 'urlencoded':
        return !this.urlencoded || this.urlencoded.count() === 0;
      case 'formdata':
        return !this.formdata || this.formdata.count() === 0;
      case 'file':
        return !this.file || (!this.file.src && !this.file.content);
      case 'graphql':
        return !this.graphql || !this.graphql.query;
      default:
        return true;
    }
  }

  toString(): string {
    switch (this.mode) {
      case 'raw':
        return this.raw === undefined || this.raw === null ? '' : typeof this.raw === 'string' ? this.raw : JSON.stringify(this.raw);
      case 'urlencoded':
        return this.urlencoded ? this.urlencoded.toString() : '';
      case 'file':
        return this.file?.content ?? '';
      case 'graphql':
        return JSON.stringify(this.graphql ?? {});
      default:
        return '';
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.mode) out.mode = this.mode;
    if (this.raw !== undefined) out.raw = this.raw;
    if (this.urlencoded) out.urlencoded = this.urlencoded.toJSON();
    if (this.formdata) out.formdata = this.formdata.toJSON();
    if (this.file) out.file = { ...this.file };
    if (this.graphql) out.graphql = { ...this.graphql };
    if (this.options) out.options = this.options;
    if (this.disabled) out.disabled = true;
    return out;
  }
}

/** Postman's auth: { type, [type]: [{ key, value }] } with parameters()/update()/use(). */
export class RequestAuth {
  type: string;
  [params: string]: unknown;

  constructor(options?: unknown) {
    this.type = 'noauth';
    if (isObjectLike(options)) this.update(options);
  }

  update(options: unknown, type?: unknown): void {
    if (isObjectLike(options) && !Array.isArray(options) && typeof (options as Record<string, unknown>).type === 'string' && type === undefined) {
      const o = options as Record<string, unknown>;
      this.type = String(o.type);
      const params = o[this.type];
      if (params !== undefined) this.#setParams(this.type, params);
      return;
    }
    const t = typeof type === 'string' ? type : this.type;
    const list = this.#list(t);
    if (Array.isArray(options)) for (const p of options) list.upsert(p);
    else if (isObjectLike(options)) for (const [key, value] of Object.entries(options)) list.upsert({ key, value });
  }

  use(type: unknown, options?: unknown): void {
    this.type = safeString(type);
    if (options !== undefined) this.update(options, this.type);
  }

  current(): string {
    return this.type;
  }

  parameters(): PropertyList<Prop> {
    return this.#list(this.type);
  }

  clear(type: unknown): void {
    if (typeof type === 'string' && type !== 'type') delete this[type];
  }

  #setParams(type: string, params: unknown): void {
    this[type] = makePropList(Array.isArray(params) ? params : isObjectLike(params) ? Object.entries(params).map(([key, value]) => ({ key, value })) : []);
  }

  #list(type: string): PropertyList<Prop> {
    const existing = this[type];
    if (existing instanceof PropertyList) return existing as PropertyList<Prop>;
    this.#setParams(type, Array.isArray(existing) ? existing : []);
    return this[type] as PropertyList<Prop>;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type };
    const list = this[this.type];
    if (list instanceof PropertyList) out[this.type] = list.toJSON();
    return out;
  }
}

export class Request {
  method: string;
  headers: PropertyList<Header>;
  body: RequestBody;
  declare auth?: RequestAuth;
  declare id?: string;
  declare name?: string;
  declare description?: string;
  #url: Url;

  constructor(options: { method?: unknown; url?: unknown; header?: unknown; body?: unknown; auth?: unknown } = {}) {
    this.method = options.method === undefined ? 'GET' : safeString(options.method).toUpperCase();
    this.#url = options.url instanceof Url ? options.url : new Url(typeof options.url === 'string' ? options.url : isObjectLike(options.url) ? options.url : '');
    this.headers = makeHeaderList(options.header ?? []);
    this.body = new RequestBody(options.body);
    if (options.auth !== undefined && options.auth !== null) this.auth = new RequestAuth(options.auth);
  }

  static isRequest(v: object): boolean {
    return #url in v;
  }

  get url(): Url {
    return this.#url;
  }

  set url(value: unknown) {
    this.#url = value instanceof Url ? value : new Url(typeof value === 'string' ? value : isObjectLike(value) && !isPlainObject(value) ? safeString(value) : value);
  }

  get to(): unknown {
    return chai.expect(this).to;
  }

  addHeader(header: unknown): void {
    this.headers.add(typeof header === 'string' ? Header.parse(header)[0] : header);
  }

  removeHeader(toRemove: unknown, options?: { ignoreCase?: boolean }): void {
    if (typeof toRemove === 'string') {
      const name = toRemove;
      const ignoreCase = options?.ignoreCase !== false;
      this.headers.remove((h: Header) => (ignoreCase ? (h.key ?? '').toLowerCase() === name.toLowerCase() : h.key === name));
    } else {
      this.headers.remove(toRemove);
    }
  }

  upsertHeader(header: unknown): void {
    if (isObjectLike(header)) this.headers.upsert(header);
  }

  getHeaders(options: { ignoreCase?: boolean; enabled?: boolean; multiValue?: boolean } = {}): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const h of this.headers.members) {
      if (options.enabled && h.disabled) continue;
      const key = options.ignoreCase ? (h.key ?? '').toLowerCase() : (h.key ?? '');
      if (options.multiValue) {
        const prev = out[key];
        out[key] = prev === undefined ? [h.value] : [...(prev as unknown[]), h.value];
      } else {
        out[key] = h.value;
      }
    }
    return out;
  }

  forEachHeader(callback: unknown): void {
    if (typeof callback !== 'function') return;
    for (const h of this.headers.members) if (!h.disabled) (callback as (h: Header, r: Request) => void)(h, this);
  }

  addQueryParams(params: unknown): void {
    this.#url.addQueryParams(params);
  }

  removeQueryParams(params: unknown): void {
    this.#url.removeQueryParams(params);
  }

  authorizeUsing(type: unknown, options?: unknown): void {
    if (type === null) {
      delete this.auth;
      return;
    }
    if (!this.auth) this.auth = new RequestAuth();
    if (isObjectLike(type)) this.auth.update(type);
    else this.auth.use(type, options);
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { url: this.#url.toJSON(), method: this.method, header: this.headers.toJSON() };
    if (this.body.mode) out.body = this.body.toJSON();
    if (this.auth) out.auth = this.auth.toJSON();
    return out;
  }

  clone(): Request {
    return new Request({ ...this.toJSON(), url: this.#url.toString() });
  }
}

brands.isRequest = (v) => Request.isRequest(v as object);

// ---- RequestSpec ↔ Request ----

const kvToProp = (kv: KeyValue) => ({ key: kv.key, value: kv.value, disabled: kv.enabled === false, ...(kv.description ? { description: kv.description } : {}) });

function authToPostman(auth: Auth): unknown {
  switch (auth.type) {
    case 'inherit':
      return undefined;
    case 'none':
      return { type: 'noauth' };
    case 'basic':
      return { type: 'basic', basic: [{ key: 'username', value: auth.username }, { key: 'password', value: auth.password }] };
    case 'bearer':
      return { type: 'bearer', bearer: [{ key: 'token', value: auth.token }] };
    case 'apikey':
      return { type: 'apikey', apikey: [{ key: 'key', value: auth.key }, { key: 'value', value: auth.value }, { key: 'in', value: auth.in }] };
    case 'oauth2':
      return {
        type: 'oauth2',
        oauth2: [
          { key: 'grant_type', value: 'client_credentials' },
          { key: 'accessTokenUrl', value: auth.accessTokenUrl },
          { key: 'clientId', value: auth.clientId },
          { key: 'clientSecret', value: auth.clientSecret },
          { key: 'scope', value: auth.scope },
          { key: 'client_authentication', value: auth.clientAuthentication },
        ],
      };
  }
}

function authFromPostman(auth: RequestAuth | undefined, original: Auth): Auth {
  if (!auth) return original.type === 'inherit' ? original : { type: 'inherit' };
  const params = auth.parameters();
  const p = (key: string, fallback = '') => {
    const v = params.get(key);
    return v === undefined || v === null ? fallback : safeString(v);
  };
  switch (auth.type) {
    case 'noauth':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: p('username'), password: p('password') };
    case 'bearer':
      return { type: 'bearer', token: p('token') };
    case 'apikey':
      return { type: 'apikey', key: p('key'), value: p('value'), in: p('in') === 'query' ? 'query' : 'header' };
    case 'oauth2':
      return {
        type: 'oauth2',
        grantType: 'client_credentials',
        accessTokenUrl: p('accessTokenUrl'),
        clientId: p('clientId'),
        clientSecret: p('clientSecret'),
        scope: p('scope'),
        clientAuthentication: p('client_authentication') === 'body' ? 'body' : 'header',
      };
    default:
      // A type Courier does not model: keep what the request had.
      return original;
  }
}

function bodyToPostman(body: Body): unknown {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'raw':
      return { mode: 'raw', raw: body.raw, options: { raw: { language: body.language } } };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.urlencoded.map(kvToProp) };
    case 'formdata':
      return {
        mode: 'formdata',
        formdata: body.formdata.map((f) => ({
          key: f.key,
          value: f.value,
          type: f.type,
          disabled: f.enabled === false,
          ...(f.filePath ? { src: f.filePath } : {}),
          ...(f.contentType ? { contentType: f.contentType } : {}),
        })),
      };
    case 'binary':
      return { mode: 'file', file: { src: body.filePath } };
  }
}

const propToKv = (p: Prop): KeyValue => {
  const kv: KeyValue = { key: p.key ?? '', value: p.value === null || p.value === undefined ? '' : safeString(p.value), enabled: !p.disabled };
  if (p.description) kv.description = p.description;
  return kv;
};

function bodyFromPostman(body: RequestBody, original: Body): Body {
  let mode = body.mode;
  if (!mode && body.raw !== undefined) mode = 'raw';
  switch (mode) {
    case 'raw': {
      const lang = body.options?.raw?.language;
      const language = (typeof lang === 'string' && RAW_LANGUAGES.includes(lang) ? lang : original.mode === 'raw' ? original.language : 'json') as 'json';
      return { mode: 'raw', language, raw: body.toString() };
    }
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: (body.urlencoded?.members ?? []).map(propToKv) };
    case 'formdata': {
      const fields: FormField[] = (body.formdata?.members ?? []).map((p) => {
        const field: FormField = { key: p.key ?? '', enabled: !p.disabled, type: p.type === 'file' ? 'file' : 'text', value: p.value === null || p.value === undefined ? '' : safeString(p.value) };
        if (p.src) field.filePath = p.src;
        if (p.contentType) field.contentType = p.contentType;
        return field;
      });
      return { mode: 'formdata', formdata: fields };
    }
    case 'file':
      if (body.file?.src) return original.mode === 'binary' && original.filePath === body.file.src ? original : { mode: 'binary', filePath: body.file.src };
      return { mode: 'none' };
    case 'graphql':
      return { mode: 'raw', language: 'json', raw: JSON.stringify({ query: body.graphql?.query ?? '', variables: body.graphql?.variables ?? {} }) };
    default:
      return { mode: 'none' };
  }
}

export function requestFromSpec(spec: RequestSpec): Request {
  const req = new Request({
    method: spec.method,
    url: spec.url,
    header: spec.headers.map(kvToProp),
    body: bodyToPostman(spec.body),
    auth: authToPostman(spec.auth),
  });
  if (spec.params.length > 0) req.url.query = makeQueryList(spec.params.map(kvToProp));
  return req;
}

export function requestToSpec(req: Request, original: RequestSpec): RequestSpec {
  const method = /^[A-Za-z]+$/.test(String(req.method)) ? String(req.method) : original.method;
  const url = req.url instanceof Url ? req.url : new Url(safeString(req.url));
  const headers = req.headers instanceof PropertyList ? req.headers.members.map(propToKv) : original.headers;
  return {
    method,
    url: url.toString(),
    params: url.query.members.map(propToKv),
    headers,
    body: req.body instanceof RequestBody ? bodyFromPostman(req.body, original.body) : original.body,
    auth: req.auth === undefined || req.auth instanceof RequestAuth ? authFromPostman(req.auth, original.auth) : original.auth,
    settings: original.settings,
  };
}
