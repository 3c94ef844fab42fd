// The cookie jar (RFC 6265, via tough-cookie): cookies sent with each request, Set-Cookie stored
// from each response (redirect hops included), persisted through the host's cookie store.
import { Cookie as ToughCookie, CookieJar, MemoryCookieStore } from 'tough-cookie';
import type { Cookie } from '../../../shared/model.js';

export interface CookieStore {
  load(): string | null;
  save(serialized: string): void;
}

const JAR_OPTIONS = { rejectPublicSuffixes: true, allowSpecialUseDomain: true, looseMode: true };

export class CookieJarService {
  private jar: CookieJar | null = null;
  private readonly memory = new MemoryCookieStore();
  /** False while the jar is known to be empty: then a request skips the cookie lookup. */
  private mayHaveCookies = true;

  constructor(private readonly store: CookieStore) {}

  private get(): CookieJar {
    if (this.jar) return this.jar;
    const saved = this.store.load();
    if (saved) {
      try {
        this.jar = CookieJar.deserializeSync(saved, this.memory);
      } catch {
        // A damaged saved jar starts over empty rather than breaking every send.
        this.jar = null;
      }
    }
    this.jar ??= new CookieJar(this.memory, JAR_OPTIONS);
    this.mayHaveCookies = this.all().length > 0; // runs once: later calls return above
    return this.jar;
  }

  /** The Cookie header value for a request to `url` ('' when no cookie applies). */
  cookieHeader(url: string): string {
    const jar = this.get();
    return this.mayHaveCookies ? jar.getCookieStringSync(url) : '';
  }

  /** Stores the Set-Cookie headers of a response from `url`; answers the cookies accepted. */
  storeFromResponse(url: string, setCookies: string[]): Cookie[] {
    const jar = this.get();
    const stored: Cookie[] = [];
    for (const header of setCookies) {
      const cookie = jar.setCookieSync(header, url, { ignoreError: true });
      if (cookie) stored.push(toModel(cookie));
    }
    if (stored.length > 0) this.mayHaveCookies = true;
    return stored;
  }

  list(): Cookie[] {
    this.get();
    return this.all().map(toModel);
  }

  /** The cookies a request to `url` would send (pm.cookies in a script). */
  forUrl(url: string): Cookie[] {
    const jar = this.get();
    return this.mayHaveCookies ? jar.getCookiesSync(url).map(toModel) : [];
  }

  /** Sets a cookie for `url`'s host, path `/`, as a script's pm.cookies.jar().set does. */
  setForUrl(url: string, name: string, value: string): void {
    this.get().setCookieSync(new ToughCookie({ key: name, value, path: '/' }), url, { ignoreError: true });
    this.mayHaveCookies = true;
    this.save();
  }

  /** Removes the cookies a request to `url` would send: those named `name`, or all of them. */
  removeForUrl(url: string, name?: string): void {
    for (const c of this.get().getCookiesSync(url)) {
      if (name === undefined || c.key === name) this.memory.removeCookie(c.domain ?? '', c.path ?? '/', c.key, () => undefined);
    }
    this.mayHaveCookies = this.all().length > 0;
    this.save();
  }

  private all(): ToughCookie[] {
    const cookies: ToughCookie[] = [];
    // MemoryCookieStore answers synchronously.
    this.memory.getAllCookies((err, all) => {
      if (!err && all) cookies.push(...all);
    });
    return cookies;
  }

  delete(domain: string, path: string, name: string): void {
    this.get();
    this.memory.removeCookie(domain, path, name, () => undefined);
    this.mayHaveCookies = this.all().length > 0;
    this.save();
  }

  clear(): void {
    this.get().removeAllCookiesSync();
    this.mayHaveCookies = false;
    this.save();
  }

  save(): void {
    const serialized = this.get().serializeSync();
    if (serialized) this.store.save(JSON.stringify(serialized));
  }
}

function toModel(c: ToughCookie): Cookie {
  const expiry = c.expiryDate();
  return {
    name: c.key,
    value: c.value,
    domain: c.domain ?? '',
    path: c.path ?? '/',
    expires: expiry && Number.isFinite(expiry.getTime()) ? expiry.toISOString() : null,
    httpOnly: c.httpOnly,
    secure: c.secure,
    ...(c.sameSite && c.sameSite !== 'unspecified' ? { sameSite: c.sameSite } : {}),
  };
}
