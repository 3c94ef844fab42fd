// Which saved example answers a request: the method and the path must fit (`{{var}}` and `:param`
// segments are wildcards, the URL's `{{baseUrl}}` or host left out); among those, each query
// parameter, header and the body the example's request had adds to its score when the request has
// it too and takes away when it differs. The best score wins; a tie goes to the first example in
// the collection. Nothing fitting → the closest one and why it did not fit.
import { isDeepStrictEqual } from 'node:util';
import { safeDecode } from './spec-routes.js';

export interface ExampleCandidate {
  /** The example's name, what the log shows as the match. */
  name: string;
  /** `GET /users/{{id}}`, for messages. */
  label: string;
  method: string;
  segments: string[];
  query: [string, string][];
  headers: [string, string][];
  body: string;
  status: number;
}

export interface IncomingRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface Scored {
  candidate: ExampleCandidate;
  /** Method and path fit. */
  fits: boolean;
  score: number;
  /** What did not fit or differed, one plain line each. */
  reasons: string[];
}

/** Headers every client sends differently; an example's copy of them says nothing about which request it answers. */
const IGNORED_HEADERS = new Set([
  'accept-encoding', 'cache-control', 'connection', 'content-length', 'host', 'postman-token', 'user-agent', 'cookie', 'authorization',
]);

const isVariable = (text: string) => text.includes('{{') || text.startsWith(':');

/**
 * The path segments of an example's URL: query dropped, scheme and host left out, also when
 * variables give them (`{{baseUrl}}`, `{{host}}:{{port}}`, `{{scheme}}://{{host}}`).
 */
export function pathSegments(url: string): string[] {
  let rest = url.trim().replace(/[?#].*$/, '');
  if (/^([a-z][a-z0-9+.-]*|\{\{[^}]*\}\}):\/\//i.test(rest)) rest = rest.replace(/^([a-z][a-z0-9+.-]*|\{\{[^}]*\}\}):\/\/[^/]*/i, '');
  else if (rest.startsWith('{{')) rest = rest.replace(/^\{\{[^}]*\}\}(:[^/]*)?/, '');
  else if (!rest.startsWith('/')) {
    const first = rest.split('/')[0];
    if (/[.:]|^localhost$/i.test(first)) rest = rest.slice(first.length);
  }
  return rest.split('/').filter((s) => s !== '');
}

function scorePath(c: ExampleCandidate, req: IncomingRequest): { score: number; reason?: string } {
  if (c.segments.length !== req.segments.length) {
    return { score: -20, reason: `the path has ${req.segments.length} segment(s); the example's request ${c.label} has ${c.segments.length}` };
  }
  let score = 0;
  for (let i = 0; i < c.segments.length; i++) {
    const want = c.segments[i];
    if (isVariable(want)) score += 1;
    else if (safeDecode(want) === safeDecode(req.segments[i])) score += 3;
    else return { score: -20 + score, reason: `path segment ${i + 1} is \`${safeDecode(req.segments[i])}\`; the example's request has \`${want}\`` };
  }
  return { score };
}

function scoreQuery(c: ExampleCandidate, req: IncomingRequest, reasons: string[]): number {
  let score = 0;
  for (const [key, want] of c.query) {
    const got = req.query.getAll(key);
    if (got.length === 0) {
      score -= 1;
      reasons.push(`query parameter \`${key}\` is missing (the example has \`${want}\`)`);
    } else if (isVariable(want) || got.includes(want)) score += 2;
    else {
      score -= 2;
      reasons.push(`query parameter \`${key}\` is \`${got[0]}\`; the example has \`${want}\``);
    }
  }
  return score;
}

function scoreHeaders(c: ExampleCandidate, req: IncomingRequest, reasons: string[]): number {
  let score = 0;
  for (const [name, want] of c.headers) {
    const key = name.toLowerCase();
    if (IGNORED_HEADERS.has(key)) continue;
    const got = req.headers[key];
    if (got === undefined) {
      score -= 1;
      reasons.push(`header \`${name}\` is missing (the example has \`${want}\`)`);
    } else if (isVariable(want) || got.split(';')[0].trim().toLowerCase() === want.split(';')[0].trim().toLowerCase()) score += 1;
    else {
      score -= 1;
      reasons.push(`header \`${name}\` is \`${got}\`; the example has \`${want}\``);
    }
  }
  return score;
}

const FORM_BODY = /^[^=&{}[\]\s]+=[^&]*(&[^=&]+=[^&]*)*$/;

/** A form body's fields in a fixed order, so `b=2&a=1` equals `a=1&b=2` (null: not a form body). */
function formFields(text: string): [string, string][] | null {
  if (!FORM_BODY.test(text.trim())) return null;
  return [...new URLSearchParams(text.trim())].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
}

function sameBody(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  try {
    return isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    const fa = formFields(a);
    const fb = formFields(b);
    return fa !== null && fb !== null && isDeepStrictEqual(fa, fb);
  }
}

function scoreBody(c: ExampleCandidate, req: IncomingRequest, reasons: string[]): number {
  if (c.body.trim() === '') return 0;
  if (req.body.trim() === '') {
    reasons.push('the request has no body; the example\'s request has one');
    return -1;
  }
  if (sameBody(c.body, req.body)) return 4;
  reasons.push('the body differs from the example\'s request body');
  return -2;
}

export function scoreExample(c: ExampleCandidate, req: IncomingRequest): Scored {
  const reasons: string[] = [];
  let score = 0;
  let fits = true;
  const method = req.method === 'HEAD' && c.method === 'GET' ? 'GET' : req.method;
  if (c.method !== method) {
    fits = false;
    score -= 10;
    reasons.push(`the method is ${req.method}; the example answers ${c.method}`);
  }
  const path = scorePath(c, req);
  score += path.score;
  if (path.reason) {
    fits = false;
    reasons.push(path.reason);
  }
  score += scoreQuery(c, req, reasons) + scoreHeaders(c, req, reasons) + scoreBody(c, req, reasons);
  return { candidate: c, fits, score, reasons };
}

/** The best-scoring example among those that fit (ties: the first), or undefined. */
export function bestOf(scored: Scored[]): Scored | undefined {
  let best: Scored | undefined;
  for (const s of scored) if (s.fits && (!best || s.score > best.score)) best = s;
  return best;
}

/** The example closest to fitting, fitting or not (ties: the first). */
export function closestOf(scored: Scored[]): Scored | undefined {
  let best: Scored | undefined;
  for (const s of scored) if (!best || s.score > best.score) best = s;
  return best;
}
