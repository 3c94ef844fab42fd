// The answer of a spec mock, Prism's way: the response a `Prefer: code=404` header (or `?__code=404`) asks for, else
// the operation's first 2xx (else `default`); its content type by the request's Accept; its body
// from `Prefer: example=name`, else the media type's `example` or first of `examples`, else one
// generated from the schema (the importer's exampleFromSchema, without writeOnly properties);
// declared response headers too.
import { Builder } from 'xml2js';
import { exampleFromSchema } from '../formats/openapi/example.js';
import { appendPointer, isObject } from '../formats/openapi/pointer.js';
import type { Resolver } from '../formats/openapi/resolver.js';
import { problemResponse } from './problem.js';
import type { SpecOperation } from './spec-model.js';
import type { MockRequest, MockResponse } from './types.js';

export interface Preferences {
  code?: string;
  example?: string;
}

/** `Prefer: code=404, example=missing` (commas or semicolons between the preferences). */
export function parsePrefer(header: string | undefined): Preferences {
  const out: Preferences = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const m = /^\s*(code|example)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (m) out[m[1].toLowerCase() as keyof Preferences] = m[2].trim();
  }
  return out;
}

interface Accepted {
  type: string;
  q: number;
}

function parseAccept(header: string | undefined): Accepted[] {
  if (!header?.trim()) return [{ type: '*/*', q: 1 }];
  return header.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.map((p) => /^q=([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { type, q: q === undefined ? 1 : Number(q) };
  });
}

function quality(mediaType: string, accepted: Accepted[]): number {
  const base = mediaType.split(';')[0].trim().toLowerCase();
  const [major] = base.split('/');
  let best = -1;
  let bestSpecificity = -1;
  for (const a of accepted) {
    const specificity = a.type === base ? 2 : a.type === `${major}/*` ? 1 : a.type === '*/*' ? 0 : -1;
    if (specificity > bestSpecificity) {
      bestSpecificity = specificity;
      best = a.q;
    }
  }
  return bestSpecificity < 0 ? 0 : best;
}

/** The status key of `responses` to answer with, and the status code. */
function chooseStatus(op: SpecOperation, prefer: Preferences): { key: string; status: number } | MockResponse {
  const keys = Object.keys(op.responses);
  if (prefer.code) {
    const code = prefer.code;
    const key = keys.find((k) => k === code) ?? keys.find((k) => k.toUpperCase() === `${code[0]}XX`) ?? keys.find((k) => k === 'default');
    if (!key || !/^[1-5]\d\d$/.test(code)) {
      // As Prism: a status the operation does not define is not found (a 500 would blame the mock).
      return problemResponse(404, 'Not Found', `The spec defines no ${code} response for ${op.key} (it has ${keys.join(', ')})`, [], { match: op.key });
    }
    return { key, status: Number(code) };
  }
  const success = keys.find((k) => /^2(\d\d|XX)$/i.test(k));
  const key = success ?? keys.find((k) => k === 'default') ?? keys[0];
  const status = /^\d{3}$/.test(key) ? Number(key) : /^[1-5]XX$/i.test(key) ? Number(key[0]) * 100 : 200;
  return { key, status };
}

function exampleValue(value: unknown, at: string, resolver: Resolver): unknown {
  const resolved = resolver.resolve(value, at).value;
  return isObject(resolved) ? resolved.value : undefined;
}

function bodyValue(media: Record<string, unknown>, mediaAt: string, prefer: Preferences, resolver: Resolver): { value: unknown } | { missing: string[] } {
  const examples = isObject(media.examples) ? media.examples : {};
  if (prefer.example) {
    if (!Object.hasOwn(examples, prefer.example)) return { missing: Object.keys(examples) };
    return { value: exampleValue(examples[prefer.example], appendPointer(mediaAt, 'examples', prefer.example), resolver) };
  }
  if (media.example !== undefined) return { value: media.example };
  // The first example with a value (one with only an externalValue has nothing to send).
  for (const name of Object.keys(examples)) {
    const value = exampleValue(examples[name], appendPointer(mediaAt, 'examples', name), resolver);
    if (value !== undefined) return { value };
  }
  if (media.schema !== undefined) return { value: exampleFromSchema(media.schema, appendPointer(mediaAt, 'schema'), resolver, 'response') ?? null };
  return { value: '' };
}

/** An XML body from a generated or example value (as Prism does): the root named by the schema's `xml.name`, else `xml`; an array's entries as `<item>`s. */
function toXml(value: unknown, rootName: string): string {
  if (value === null || value === undefined || value === '') return '';
  const builder = new Builder({ rootName, headless: true, renderOpts: { pretty: true, indent: '  ', newline: '\n' } });
  return builder.buildObject(Array.isArray(value) ? { item: value } : value);
}

function serialize(value: unknown, mediaType: string, xmlRoot: string): string {
  if (typeof value === 'string' && !/json/i.test(mediaType)) return value;
  if (/[/+]xml$/i.test(mediaType)) return toXml(value, xmlRoot);
  return JSON.stringify(value ?? null, null, 2);
}

function xmlRootName(media: Record<string, unknown>, mediaAt: string, resolver: Resolver): string {
  const schema = media.schema === undefined ? undefined : resolver.resolve(media.schema, appendPointer(mediaAt, 'schema')).value;
  const xml = isObject(schema) && isObject(schema.xml) ? schema.xml : {};
  return typeof xml.name === 'string' && xml.name ? xml.name : 'xml';
}

function responseHeaders(response: Record<string, unknown>, at: string, resolver: Resolver): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(isObject(response.headers) ? response.headers : {})) {
    if (name.toLowerCase() === 'content-type' || name.toLowerCase() === 'content-length') continue;
    const header = resolver.object(raw, appendPointer(at, 'headers', name), 'a header').value;
    if (!header) continue;
    const value = header.example ?? exampleFromSchema(header.schema, appendPointer(at, 'headers', name, 'schema'), resolver, 'response');
    if (value !== undefined && value !== null) out[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

export function pickResponse(op: SpecOperation, req: MockRequest, resolver: Resolver): MockResponse {
  // Prism's query form (`?__code=404&__example=tom`) for clients that cannot set headers.
  const prefer = { ...parsePrefer(req.headers.prefer), ...(req.query.get('__code') ? { code: req.query.get('__code')! } : {}), ...(req.query.get('__example') ? { example: req.query.get('__example')! } : {}) };
  const chosen = chooseStatus(op, prefer);
  if ('body' in chosen) return chosen;
  const at = appendPointer(op.pointer, 'responses', chosen.key);
  const resolved = resolver.object(op.responses[chosen.key], at, 'a response');
  const response = resolved.value ?? {};
  const headers = responseHeaders(response, resolved.at, resolver);
  const content = isObject(response.content) ? response.content : {};
  const types = Object.keys(content);
  if (types.length === 0) return { status: chosen.status, headers, body: '', match: op.key, problems: [] };
  const accepted = parseAccept(req.headers.accept);
  const ranked = types.map((t, i) => ({ t, q: quality(t, accepted), i })).filter((x) => x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  if (ranked.length === 0) {
    const detail = `None of the response's content types (${types.join(', ')}) is acceptable to Accept: ${req.headers.accept}`;
    return problemResponse(406, 'Not Acceptable', detail, [], { match: op.key });
  }
  const mediaType = ranked[0].t;
  const mediaAt = appendPointer(resolved.at, 'content', mediaType);
  const media = isObject(content[mediaType]) ? (content[mediaType] as Record<string, unknown>) : {};
  const body = bodyValue(media, mediaAt, prefer, resolver);
  if ('missing' in body) {
    const has = body.missing.length > 0 ? `it has ${body.missing.map((n) => `"${n}"`).join(', ')}` : 'it has no named examples';
    return problemResponse(404, 'Example Not Found', `The ${chosen.key} response of ${op.key} (${mediaType}) has no example named "${prefer.example}"; ${has}`, [], { match: op.key });
  }
  const contentType = mediaType.includes('*') ? 'application/json' : mediaType;
  return { status: chosen.status, headers: { ...headers, 'content-type': contentType }, body: serialize(body.value, contentType, xmlRootName(media, mediaAt, resolver)), match: op.key, problems: [] };
}
