// pm.cookies, pm.response.cookies and pm.cookies.jar(). The jar goes out through the host's
// cookie jar only (ScriptHost.cookieJar), callback style as in Postman, or a promise without one.
import type { Cookie as CookieData } from '../../../../shared/model.js';
import type { HostCall, HostCallResult } from '../protocol.js';
import { PropertyList } from './list.js';
import { isObjectLike, safeString } from './util.js';

export class Cookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: string | null;
  httpOnly: boolean;
  secure: boolean;
  declare sameSite?: string;
  declare disabled?: boolean;

  constructor(c: Partial<CookieData> & { key?: string }) {
    this.name = safeString(c.name ?? c.key ?? '');
    this.value = safeString(c.value ?? '');
    this.domain = safeString(c.domain ?? '');
    this.path = safeString(c.path ?? '/');
    this.expires = c.expires ?? null;
    this.httpOnly = Boolean(c.httpOnly);
    this.secure = Boolean(c.secure);
    if (c.sameSite) this.sameSite = c.sameSite;
  }

  get key(): string {
    return this.name;
  }

  valueOf(): string {
    return this.value;
  }

  toString(): string {
    return `${this.name}=${this.value}`;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, value: this.value, domain: this.domain, path: this.path, expires: this.expires, httpOnly: this.httpOnly, secure: this.secure };
  }
}

export const makeCookieList = (cookies: readonly CookieData[] = []) =>
  new PropertyList<Cookie>({ indexKey: 'name', make: (c) => (c instanceof Cookie ? c : isObjectLike(c) ? new Cookie(c as Partial<CookieData>) : undefined) }, cookies.slice());

type Callback = (err: Error | null, value?: unknown) => void;
type HostCaller = (req: HostCall) => Promise<HostCallResult>;

/** pm.cookies.jar(): get/set/unset/clear through the host; a callback, or a promise without one. */
export function makeJar(call: HostCaller, onCallbackError: (err: unknown) => void) {
  const run = (req: HostCall, callback: unknown, pick: (r: HostCallResult) => unknown): Promise<unknown> | undefined => {
    const p = call(req).then(pick);
    if (typeof callback !== 'function') return p;
    p.then(
      (value) => (callback as Callback)(null, value),
      (err) => (callback as Callback)(err instanceof Error ? err : new Error(String(err))),
    ).catch(onCallbackError);
    return undefined;
  };
  const urlOf = (url: unknown, method: string): string => {
    const s = typeof url === 'string' ? url : isObjectLike(url) && typeof url.toString === 'function' ? safeString(url) : '';
    if (!s) throw new TypeError(`CookieJar.${method}() requires a valid url`);
    return s;
  };
  const nameOf = (name: unknown, method: string): string => {
    if (typeof name !== 'string') throw new TypeError(`CookieJar.${method}() requires cookie name to be a string`);
    return name;
  };
  const value = (r: HostCallResult) => (r.op === 'jar' ? (r.value ?? null) : null);
  const nothing = () => undefined;
  return {
    get(url: unknown, name: unknown, callback?: unknown) {
      return run({ op: 'jar', method: 'get', url: urlOf(url, 'get'), name: nameOf(name, 'get') }, callback, value);
    },
    set(url: unknown, name: unknown, val?: unknown, callback?: unknown) {
      let cookieName: string;
      let cookieValue: string;
      if (isObjectLike(name)) {
        // set(url, { name, value, … }, callback)
        callback = val;
        cookieName = safeString((name as Record<string, unknown>).name ?? (name as Record<string, unknown>).key ?? '');
        cookieValue = safeString((name as Record<string, unknown>).value ?? '');
      } else {
        if (typeof val === 'function' && callback === undefined) {
          callback = val;
          val = '';
        }
        cookieName = nameOf(name, 'set');
        cookieValue = safeString(val ?? '');
      }
      if (!cookieName) throw new TypeError('CookieJar.set() requires a valid set cookie arguments');
      return run({ op: 'jar', method: 'set', url: urlOf(url, 'set'), name: cookieName, value: cookieValue }, callback, nothing);
    },
    unset(url: unknown, name: unknown, callback?: unknown) {
      return run({ op: 'jar', method: 'unset', url: urlOf(url, 'unset'), name: nameOf(name, 'unset') }, callback, nothing);
    },
    clear(url: unknown, callback?: unknown) {
      return run({ op: 'jar', method: 'clear', url: urlOf(url, 'clear') }, callback, nothing);
    },
    getAll(_url: unknown, options?: unknown, callback?: unknown) {
      const cb = typeof options === 'function' ? options : callback;
      const err = new Error('CookieJar.getAll() is not supported by Courier; use get(url, name)');
      if (typeof cb === 'function') {
        Promise.resolve().then(() => (cb as Callback)(err)).catch(onCallbackError);
        return undefined;
      }
      return Promise.reject(err);
    },
  };
}
