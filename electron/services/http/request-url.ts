// The URL a request goes to: the params table as the query, `http://` when no scheme was typed,
// illegal characters percent-encoded, and only http(s) with a host accepted.
import type { RequestSpec } from '../../../shared/model.js';
import { encodeUrlForWire, withDefaultScheme, withQuery } from '../../../shared/url.js';
import { SendFailure } from './errors.js';

/**
 * The params table is the source of truth for the query: the URL's own query is replaced by the
 * enabled params. A request with no param rows at all (one built by code from a URL alone) keeps
 * the URL's query as written.
 */
export function requestUrl(spec: Pick<RequestSpec, 'url' | 'params'>): URL {
  const typed = spec.url.trim();
  if (typed === '') throw new SendFailure('INVALID_URL', 'Invalid URL: the URL is empty');
  // "ht!tp://x" is a mistyped scheme, not the host "ht!tp" (which `http://` in front would make it).
  const scheme = /^([^/?#\s]*):\/\//.exec(typed)?.[1];
  if (scheme !== undefined && !/^[a-z][a-z0-9+.-]*$/i.test(scheme) && !scheme.includes('{{')) {
    throw new SendFailure('INVALID_URL', `Invalid URL: ${typed} (“${scheme}” is not a scheme: use http:// or https://)`);
  }
  const withParams = spec.params.length > 0 ? withQuery(typed, spec.params) : typed;
  const wire = encodeUrlForWire(withDefaultScheme(withParams));
  let url: URL;
  try {
    url = new URL(wire);
  } catch {
    throw new SendFailure('INVALID_URL', `Invalid URL: ${typed}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SendFailure('INVALID_URL', `Invalid URL: ${typed} (only http:// and https:// are supported)`);
  }
  if (!url.hostname) throw new SendFailure('INVALID_URL', `Invalid URL: ${typed} (no host)`);
  if (/\{\{[^{}]*\}\}/.test(url.hostname) || /%7B%7B/i.test(url.hostname)) {
    throw new SendFailure('INVALID_URL', `Invalid URL: ${typed} (the host contains an unresolved variable)`);
  }
  url.hash = '';
  return url;
}
