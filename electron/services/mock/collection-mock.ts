// A mock of a collection's saved examples: each request answered by the example whose original
// request fits it best (example-matching.ts). Postman's `x-mock-response-name` and
// `x-mock-response-code` headers pick an example by name or status, as Postman's mock servers do.
// Nothing fitting → 404 with a JSON body naming the closest example and why it did not fit.
import { badInput } from '../../../shared/errors.js';
import type { RequestSpec } from '../../../shared/model.js';
import { bestOf, closestOf, pathSegments, scoreExample, type ExampleCandidate, type IncomingRequest, type Scored } from './example-matching.js';
import type { MockEngine, MockRequest, MockResponse } from './types.js';

/** A saved example and the request it answers (its own original request, else its request's). */
export interface MockExample {
  name: string;
  status: number;
  headers: [string, string][];
  body: string;
  request: RequestSpec;
}

/** Headers of a saved response that describe how it was sent then, not how the mock sends it. */
const DROPPED_RESPONSE_HEADERS = new Set(['content-length', 'transfer-encoding', 'content-encoding', 'connection', 'keep-alive', 'date']);

function requestBody(spec: RequestSpec): string {
  const body = spec.body;
  if (body.mode === 'raw') return body.raw;
  if (body.mode === 'urlencoded') return new URLSearchParams(body.urlencoded.filter((f) => f.enabled).map((f): [string, string] => [f.key, f.value])).toString();
  return '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function candidateOf(example: MockExample): ExampleCandidate {
  const spec = example.request;
  const segments = pathSegments(spec.url);
  const fromUrl = [...new URLSearchParams(spec.url.includes('?') ? spec.url.slice(spec.url.indexOf('?') + 1) : '')];
  const params = spec.params.filter((p) => p.enabled).map((p): [string, string] => [p.key, p.value]);
  return {
    name: example.name,
    label: `${spec.method} /${segments.join('/')}`,
    method: spec.method.toUpperCase(),
    segments,
    query: params.length > 0 ? params : fromUrl,
    headers: spec.headers.filter((h) => h.enabled).map((h): [string, string] => [h.key, h.value]),
    body: requestBody(spec),
    status: example.status,
  };
}

function incoming(req: MockRequest): IncomingRequest {
  return { method: req.method, segments: req.path.split('/').filter((s) => s !== ''), query: req.query, headers: req.headers, body: req.body.toString('utf8') };
}

function answerWith(example: MockExample): MockResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of example.headers) {
    const key = name.toLowerCase();
    if (DROPPED_RESPONSE_HEADERS.has(key)) continue;
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  if (!headers['content-type'] && example.body.trim() !== '' && safeJson(example.body) !== example.body) headers['content-type'] = 'application/json';
  return { status: example.status >= 100 && example.status <= 599 ? example.status : 200, headers, body: example.body, match: example.name, problems: [] };
}

function notFound(error: string, closest: Scored | undefined, fields: Record<string, unknown> = {}): MockResponse {
  const body: Record<string, unknown> = { error, ...fields };
  if (closest) body.closest = { example: closest.candidate.name, request: closest.candidate.label, status: closest.candidate.status, why: closest.reasons };
  return {
    status: 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body, null, 2),
    match: null,
    problems: [error, ...(closest ? closest.reasons.map((r) => `closest, ${closest.candidate.name}: ${r}`) : [])],
  };
}

export function createCollectionMock(name: string, examples: MockExample[]): MockEngine {
  if (examples.length === 0) throw badInput(`The collection "${name}" has no saved examples to serve; save a response as an example first (or import a collection that has some)`);
  const candidates = examples.map(candidateOf);
  return {
    name,
    handle(req) {
      const request = incoming(req);
      const line = `${req.method} ${req.path}`;
      const byName = req.headers['x-mock-response-name'];
      const byCode = req.headers['x-mock-response-code'];
      if (byName !== undefined) {
        const named = candidates.flatMap((c, i) => (c.name.toLowerCase() === byName.trim().toLowerCase() ? [i] : []));
        if (named.length === 0) {
          return notFound(`No saved example is named "${byName}" (x-mock-response-name)`, undefined, { examples: [...new Set(candidates.map((c) => c.name))].slice(0, 100) });
        }
        const scored = named.map((i) => scoreExample(candidates[i], request));
        const chosen = bestOf(scored) ?? closestOf(scored)!;
        return answerWith(examples[candidates.indexOf(chosen.candidate)]);
      }
      let scored = candidates.map((c) => scoreExample(c, request));
      if (byCode !== undefined) scored = scored.filter((s) => String(s.candidate.status) === byCode.trim());
      const best = bestOf(scored);
      if (best) return answerWith(examples[candidates.indexOf(best.candidate)]);
      const what = byCode !== undefined ? `No saved example with status ${byCode} (x-mock-response-code) matches ${line}` : `No saved example matches ${line}`;
      return notFound(what, closestOf(scored));
    },
  };
}
