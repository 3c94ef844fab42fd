// One operation's parameters and request body as Courier request parts: query rows, headers,
// path parameter names, and a body with an example generated from the schema.
import { badInput } from '../../../../shared/errors.js';
import type { Body, FormField, KeyValue } from '../../../../shared/model.js';
import { exampleFromSchema } from './example.js';
import { appendPointer, isObject } from './pointer.js';
import type { Resolver } from './resolver.js';

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  /** The value the spec gives (example, examples, schema example, default, first enum value), or ''. */
  value: string;
  /** Path parameters only: whether `value` came from the spec, and a value generated from the schema when it did not. */
  given?: boolean;
  generated?: string;
}

/** Path-item parameters overridden by the operation's own (same name and location). */
export function operationParameters(shared: unknown, own: unknown, sharedAt: string, ownAt: string, resolver: Resolver): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const [list, at] of [[shared, sharedAt], [own, ownAt]] as const) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw badInput(`${at}: parameters must be a list`);
    list.forEach((raw, i) => {
      const { value: p, at: where } = resolver.object(raw, appendPointer(at, i), 'a parameter');
      if (!p) return;
      if (typeof p.name !== 'string' || typeof p.in !== 'string') throw badInput(`${where}: a parameter needs a "name" and an "in"`);
      const param: Parameter = { name: p.name, in: p.in, required: p.required === true, value: parameterValue(p, where, resolver) };
      if (p.in === 'path') {
        param.given = param.value !== '';
        if (!param.given && p.schema !== undefined) param.generated = asText(exampleFromSchema(p.schema, appendPointer(where, 'schema'), resolver, 'request'));
      }
      if (typeof p.description === 'string' && p.description !== '') param.description = p.description;
      byKey.set(`${p.in}:${p.name}`, param);
    });
  }
  return [...byKey.values()];
}

function parameterValue(p: Record<string, unknown>, at: string, resolver: Resolver): string {
  let value: unknown = p.example;
  if (value === undefined && isObject(p.examples)) {
    const first = resolver.resolve(Object.values(p.examples)[0], appendPointer(at, 'examples')).value;
    if (isObject(first)) value = first.value;
  }
  if (value === undefined && p.schema !== undefined) {
    const schema = resolver.resolve(p.schema, appendPointer(at, 'schema')).value;
    // Only a value the spec gives: a generated "string" or 0 in a query would be sent as if meant.
    if (isObject(schema)) value = schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  }
  return asText(value);
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  // An array in a query or header is sent comma-separated (OpenAPI's default form style, explode off).
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => String(v ?? '')).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function asRows(params: Parameter[], where: string): KeyValue[] {
  return params
    .filter((p) => p.in === where)
    .map((p) => ({ key: p.name, value: p.value, enabled: p.required || p.value !== '', ...(p.description ? { description: p.description } : {}) }));
}

/** The body and its Content-Type, from the first media type Courier can edit (JSON first). */
export function requestBody(given: unknown, at: string, resolver: Resolver): { body: Body; contentType?: string } {
  const { value: rb, at: where } = resolver.object(given, at, 'a requestBody');
  if (!rb || !isObject(rb.content)) return { body: { mode: 'none' } };
  const types = Object.keys(rb.content);
  const type =
    types.find((t) => /^application\/(.+\+)?json/i.test(t)) ??
    types.find((t) => /x-www-form-urlencoded|multipart\/form-data/i.test(t)) ??
    types.find((t) => /xml|^text\//i.test(t)) ??
    types[0];
  if (type === undefined) return { body: { mode: 'none' } };
  const mediaAt = appendPointer(where, 'content', type);
  const media = resolver.object(rb.content[type], mediaAt, 'a media type').value ?? {};
  const example = mediaExample(media, mediaAt, resolver);
  if (/x-www-form-urlencoded/i.test(type)) {
    return { body: { mode: 'urlencoded', urlencoded: fields(example).map(([key, value]) => ({ key, value, enabled: true })) }, contentType: type };
  }
  if (/multipart\/form-data/i.test(type)) {
    const schema = resolver.resolve(media.schema, appendPointer(mediaAt, 'schema')).value;
    const props = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
    const formdata: FormField[] = fields(example).map(([key, value]) => {
      const prop = resolver.resolve(props[key], mediaAt).value;
      const isFile = isObject(prop) && (prop.format === 'binary' || prop.format === 'base64');
      return isFile ? { key, enabled: true, type: 'file', value: '' } : { key, enabled: true, type: 'text', value };
    });
    return { body: { mode: 'formdata', formdata } };
  }
  if (/json/i.test(type)) {
    return { body: { mode: 'raw', language: 'json', raw: example === undefined ? '' : JSON.stringify(example, null, 2) }, contentType: type };
  }
  const raw = typeof example === 'string' ? example : example === undefined ? '' : JSON.stringify(example, null, 2);
  return { body: { mode: 'raw', language: /xml/i.test(type) ? 'xml' : /html/i.test(type) ? 'html' : 'text', raw }, contentType: type };
}

/** A request body media type's example, examples (first) or an example generated from its schema (no readOnly properties). */
export function mediaExample(media: Record<string, unknown>, at: string, resolver: Resolver): unknown {
  if (media.example !== undefined) return media.example;
  if (isObject(media.examples)) {
    const first = Object.entries(media.examples)[0];
    if (first) {
      const ex = resolver.resolve(first[1], appendPointer(at, 'examples', first[0])).value;
      if (isObject(ex) && ex.value !== undefined) return ex.value;
    }
  }
  return media.schema === undefined ? undefined : exampleFromSchema(media.schema, appendPointer(at, 'schema'), resolver, 'request');
}

function fields(example: unknown): [string, string][] {
  if (!isObject(example)) return [];
  return Object.entries(example).map(([k, v]) => [k, v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]);
}

export interface ResponseExample {
  name: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** Examples the spec itself gives for responses (not generated ones), as saved example responses. */
export function responseExamples(responses: unknown, at: string, resolver: Resolver): ResponseExample[] {
  if (!isObject(responses)) return [];
  const out: ResponseExample[] = [];
  for (const [code, raw] of Object.entries(responses)) {
    const { value: response, at: where } = resolver.object(raw, appendPointer(at, code), 'a response');
    if (!response || !isObject(response.content)) continue;
    const status = /^\d{3}$/.test(code) ? Number(code) : 200;
    for (const [type, rawMedia] of Object.entries(response.content)) {
      const mediaAt = appendPointer(where, 'content', type);
      const media = resolver.object(rawMedia, mediaAt, 'a media type').value;
      if (!media) continue;
      const given: [string, unknown][] = media.example !== undefined ? [[text(response.description) || `${code} response`, media.example]] : [];
      if (isObject(media.examples)) {
        for (const [name, ex] of Object.entries(media.examples)) {
          const value = resolver.resolve(ex, appendPointer(mediaAt, 'examples', name)).value;
          if (isObject(value) && value.value !== undefined) given.push([text(value.summary) || name, value.value]);
        }
      }
      for (const [name, value] of given) {
        const body = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
        out.push({ name: name.slice(0, 500), status, statusText: '', headers: [['Content-Type', type]], body });
      }
    }
  }
  return out;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
