// Keeps a URL's query string and the params table in step, the way Postman's URL bar does:
// editing the URL rewrites the table, editing the table rewrites the URL. Works on raw text so that
// `{{variables}}` anywhere in the URL survive untouched (no URL parsing, no re-encoding).
import type { KeyValue } from './model.js';

/** Splits `url` into the part before `?`, the query (without `?`) and the fragment (with `#`). */
export function splitUrl(url: string): { base: string; query: string | null; hash: string } {
  let rest = url;
  let hash = '';
  const hashAt = findOutsideVariables(rest, '#');
  if (hashAt >= 0) {
    hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const q = findOutsideVariables(rest, '?');
  if (q < 0) return { base: rest, query: null, hash };
  return { base: rest.slice(0, q), query: rest.slice(q + 1), hash };
}

function findOutsideVariables(text: string, ch: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    // A `{{` with no `}}` after it (still being typed) is plain text, as it is to variable resolution.
    if (text.startsWith('{{', i) && text.includes('}}', i + 2)) {
      depth++;
      i++;
    } else if (text.startsWith('}}', i) && depth > 0) {
      depth--;
      i++;
    } else if (depth === 0 && text[i] === ch) return i;
  }
  return -1;
}

/** Splits on `ch` where it is not inside a `{{variable}}`. */
function splitOutsideVariables(text: string, ch: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let at = findOutsideVariables(rest, ch); at >= 0; at = findOutsideVariables(rest, ch)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

/** The query params of a URL as table rows (values kept as typed: not decoded). */
export function parseQuery(url: string): KeyValue[] {
  const { query } = splitUrl(url);
  if (query === null || query === '') return [];
  return splitOutsideVariables(query, '&').map((pair) => {
    const eq = findOutsideVariables(pair, '=');
    return eq < 0
      ? { key: pair, value: '', enabled: true }
      : { key: pair.slice(0, eq), value: pair.slice(eq + 1), enabled: true };
  });
}

/** Rebuilds the URL's query from the table; disabled rows stay in the table but not in the URL. */
export function withQuery(url: string, params: KeyValue[]): string {
  const { base, hash } = splitUrl(url);
  const enabled = params.filter((p) => p.enabled !== false && (p.key !== '' || p.value !== ''));
  if (enabled.length === 0) return base + hash;
  const query = enabled.map((p) => (p.value === '' && findOutsideVariables(p.key, '=') < 0 ? p.key : `${p.key}=${p.value}`)).join('&');
  return `${base}?${query}${hash}`;
}

/**
 * After the user edits the URL: the new table keeps disabled rows and descriptions of rows that
 * still exist, and takes the enabled rows from the URL.
 */
export function syncParamsFromUrl(url: string, previous: KeyValue[]): KeyValue[] {
  const fromUrl = parseQuery(url);
  const described = new Map(previous.filter((p) => p.description).map((p) => [p.key, p.description]));
  const enabled = fromUrl.map((p) => (described.has(p.key) ? { ...p, description: described.get(p.key) } : p));
  const disabled = previous.filter((p) => p.enabled === false);
  return [...enabled, ...disabled];
}

/** Encodes characters that may not appear raw in a URL, leaving already-encoded `%XX` sequences alone. */
export function encodeUrlForWire(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

/** Adds `http://` where the user typed no scheme, as Postman does. */
export function withDefaultScheme(url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  return `http://${trimmed}`;
}
