// Following a redirect as browsers do: where it goes, and what the next request looks like.
//   303 → GET (HEAD stays HEAD), body dropped; 301/302 after POST → GET, body dropped;
//   307/308 → same method and body. Credentials the user set (Authorization, Cookie, Host) are not
//   carried to another origin. Cookies from the jar are recomputed for every hop by the engine.
import { SendFailure } from './errors.js';
import type { HeaderList } from './headers.js';
import type { HopHead } from './exchange.js';
import type { RequestPayload } from './request-body.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface HopSpec {
  url: URL;
  method: string;
  headers: HeaderList;
  body: RequestPayload | null;
  /** The Cookie header the user wrote, sent with the jar's cookies. */
  userCookie: string;
}

/** The Location of a redirect this send should follow, or undefined. */
export function redirectLocation(head: HopHead): string | undefined {
  if (!REDIRECT_STATUSES.has(head.status)) return undefined;
  const location = head.headers.find(([n]) => n.toLowerCase() === 'location')?.[1]?.trim();
  return location ? location : undefined;
}

export function nextHop(current: HopSpec, status: number, location: string): HopSpec {
  let url: URL;
  try {
    url = new URL(location, current.url);
  } catch {
    throw new SendFailure('INVALID_URL', `Invalid URL: the server redirected to "${location}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SendFailure('INVALID_URL', `Invalid URL: the server redirected to ${url.href} (only http and https are followed)`);
  }
  url.hash = '';
  const headers = current.headers.clone();
  let { method, body, userCookie } = current;
  const toGet = status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  if (toGet) {
    method = 'GET';
    body = null;
    headers.delete('Content-Type');
  }
  if (url.origin !== current.url.origin) {
    headers.delete('Authorization');
    headers.delete('Host');
    userCookie = '';
  }
  return { url, method, headers, body, userCookie };
}
