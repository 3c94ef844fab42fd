// pm.request.url: Postman's Url, parsed the way postman-url-encoder parses (tolerant of
// {{variables}} anywhere, no scheme required) and printed back with toString().
import { makePropList, makeQueryList, PropertyList, Prop, QueryParam } from './list.js';
import { isObjectLike, safeString } from './util.js';

interface UrlParts {
  protocol?: string;
  auth?: { user?: string; password?: string };
  host?: string[] | string;
  port?: string;
  path?: string[] | string;
  query?: unknown;
  hash?: string;
  variable?: unknown;
}

const VARIABLE = /\{\{[^{}]*\}\}/g;

function parse(input: string): UrlParts {
  // Protect {{variables}} (which may hold '.', ':' or '/') while splitting.
  const saved: string[] = [];
  let s = input.trimStart().replace(VARIABLE, (m) => {
    saved.push(m);
    return `\u0000${saved.length - 1}\u0000`;
  });
  const restore = (t: string) => t.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => saved[Number(i)]);
  const out: UrlParts = {};
  let i = s.indexOf('#');
  if (i !== -1) {
    out.hash = restore(s.slice(i + 1));
    s = s.slice(0, i);
  }
  i = s.indexOf('?');
  if (i !== -1) {
    out.query = QueryParam.parse(restore(s.slice(i + 1)));
    s = s.slice(0, i);
  }
  s = s.replace(/\\/g, '/');
  i = s.indexOf('://');
  if (i !== -1) {
    out.protocol = restore(s.slice(0, i));
    s = s.slice(i + 3).replace(/^\/+/, out.protocol.toLowerCase() === 'file' ? '/' : '');
  }
  i = s.indexOf('/');
  if (i !== -1) {
    out.path = s
      .slice(i + 1)
      .split('/')
      .map(restore);
    s = s.slice(0, i);
  }
  i = s.lastIndexOf('@');
  if (i !== -1) {
    const auth = s.slice(0, i);
    const c = auth.indexOf(':');
    out.auth = c === -1 ? { user: restore(auth) } : { user: restore(auth.slice(0, c)), password: restore(auth.slice(c + 1)) };
    s = s.slice(i + 1);
  }
  // port: after the last ':' not inside an IPv6 literal
  const close = s.lastIndexOf(']');
  i = s.lastIndexOf(':');
  if (i !== -1 && i > close) {
    out.port = restore(s.slice(i + 1));
    s = s.slice(0, i);
  }
  if (s !== '') out.host = s.startsWith('[') ? [restore(s)] : s.split('.').map(restore);
  if (Array.isArray(out.path)) {
    const vars = out.path.filter((seg) => seg.startsWith(':') && seg.length > 1).map((seg) => ({ key: seg.slice(1) }));
    if (vars.length) out.variable = vars;
  }
  return out;
}

export class Url {
  declare protocol?: string;
  declare auth?: { user?: string; password?: string };
  declare host?: string[];
  declare port?: string;
  declare path?: string[];
  declare hash?: string;
  query: PropertyList<QueryParam>;
  variables: PropertyList<Prop>;

  constructor(options?: unknown) {
    this.query = makeQueryList();
    this.variables = makePropList();
    this.update(options);
  }

  static parse(url: string): UrlParts {
    return parse(String(url));
  }

  update(url: unknown): void {
    const parts: UrlParts = typeof url === 'string' ? parse(url) : isObjectLike(url) ? (url as UrlParts) : {};
    this.protocol = typeof parts.protocol === 'string' ? parts.protocol : undefined;
    this.auth = isObjectLike(parts.auth) ? { ...parts.auth } : undefined;
    this.port = parts.port === undefined || parts.port === null ? undefined : safeString(parts.port);
    this.hash = typeof parts.hash === 'string' ? parts.hash : undefined;
    const host = parts.host;
    this.host = Array.isArray(host) ? host.map((h) => safeString(h)) : typeof host === 'string' ? host.split('.') : undefined;
    let path = parts.path;
    if (typeof path === 'string') {
      path = path.replace(/^\//, '');
      path = path === '' ? undefined : path.split('/');
    }
    this.path = Array.isArray(path) ? path.map((p) => safeString(p)) : undefined;
    let query = parts.query;
    if (typeof query === 'string') query = QueryParam.parse(query);
    this.query = makeQueryList(query ?? []);
    this.variables = makePropList(parts.variable ?? []);
  }

  addQueryParams(params: unknown): void {
    this.query.populate(typeof params === 'string' ? QueryParam.parse(params) : params);
  }

  removeQueryParams(params: unknown): void {
    const keys = (Array.isArray(params) ? params : [params]).map((p) => (isObjectLike(p) && 'key' in p ? safeString(p.key) : safeString(p)));
    this.query.remove((q: QueryParam) => keys.includes(q.key ?? ''));
  }

  getHost(): string {
    return this.host ? this.host.join('.') : '';
  }

  getPath(unresolved?: boolean): string {
    if (!this.path) return '/';
    if (unresolved) return '/' + this.path.join('/');
    return (
      '/' +
      this.path
        .map((seg) => {
          if (!seg.startsWith(':')) return seg;
          const value = this.variables.get(seg.slice(1));
          return typeof value === 'string' && value ? value : seg;
        })
        .join('/')
    );
  }

  getQueryString(): string {
    return this.query.count() ? this.query.toString() : '';
  }

  getPathWithQuery(): string {
    const q = this.getQueryString();
    return this.getPath() + (q ? `?${q}` : '');
  }

  getRemote(forcePort?: boolean): string {
    let port = this.port;
    if (forcePort && !port) port = this.protocol === 'https' ? '443' : '80';
    return port ? `${this.getHost()}:${port}` : this.getHost();
  }

  getBaseUrl(): string {
    return `${this.protocol || 'http'}://${this.getRemote()}`;
  }

  toString(forceProtocol?: boolean): string {
    let raw = '';
    const protocol = this.protocol || (forceProtocol ? 'http' : '');
    if (protocol) raw += protocol.endsWith('://') ? protocol : `${protocol}://`;
    if (this.auth) {
      let auth: string | undefined;
      if (typeof this.auth.user === 'string') auth = this.auth.user;
      if (typeof this.auth.password === 'string') auth = `${auth ?? ''}:${this.auth.password}`;
      if (auth !== undefined) raw += `${auth}@`;
    }
    if (this.host) raw += this.getHost();
    if (this.port !== undefined && this.port !== '') raw += `:${this.port}`;
    if (this.path) raw += this.getPath();
    if (this.query.count()) {
      const q = this.getQueryString();
      if (q !== '' || this.query.members.some((p) => !p.disabled)) raw += `?${q}`;
    }
    if (typeof this.hash === 'string') raw += `#${this.hash}`;
    return raw;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { raw: this.toString() };
    if (this.protocol) out.protocol = this.protocol;
    if (this.host) out.host = this.host.slice();
    if (this.port) out.port = this.port;
    if (this.path) out.path = this.path.slice();
    if (this.query.count()) out.query = this.query.toJSON();
    if (this.hash !== undefined) out.hash = this.hash;
    if (this.variables.count()) out.variable = this.variables.toJSON();
    return out;
  }
}
