// Checks a request against the operation it is for, as Prism does: path, query, header and cookie
// parameters (typed per their schemas), and the body per its content type. The answer to a request
// that does not fit is a problem+json with each violation as one plain line: 400, or 415 for a
// content type the operation does not take.
import { isObject } from '../formats/openapi/pointer.js';
import type { Resolver } from '../formats/openapi/resolver.js';
import { problemResponse } from './problem.js';
import type { SpecOperation, SpecParameter } from './spec-model.js';
import type { MockRequest, MockResponse } from './types.js';
import { describeErrors } from './validation-messages.js';

/** Headers OpenAPI says a parameter definition must not describe (they have their own fields). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function typesOf(schema: unknown, resolver: Resolver): { types: string[]; schema: Record<string, unknown> } {
  const resolved = resolver.resolve(schema, '#').value;
  const s = isObject(resolved) ? resolved : {};
  const type = s.type;
  return { types: Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [], schema: s };
}

function scalar(text: string, types: string[]): unknown {
  if ((types.includes('integer') || types.includes('number')) && NUMERIC.test(text.trim())) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.includes('null') && text === '') return null;
  return text;
}

/** A parameter's text value(s) as the type its schema wants, so the schema can check it. */
function coerce(values: string[], param: SpecParameter, resolver: Resolver): unknown {
  const { types, schema } = typesOf(param.schema, resolver);
  if (types.includes('array')) {
    const items = typesOf(schema.items, resolver).types;
    const list = values.length === 1 && (!param.explode || param.in !== 'query') ? values[0].split(',') : values;
    return list.map((v) => scalar(v, items));
  }
  return scalar(values[values.length - 1], types);
}

const LABEL = { path: 'path parameter', query: 'query parameter', header: 'header', cookie: 'cookie' } as const;

function cookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    // A value may come in double quotes (RFC 6265 cookie-value); they are not part of it.
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

function parameterValues(param: SpecParameter, req: MockRequest, pathParams: Record<string, string>, jar: Map<string, string>): string[] {
  switch (param.in) {
    case 'path':
      return pathParams[param.name] === undefined ? [] : [pathParams[param.name]];
    case 'query':
      return req.query.getAll(param.name);
    case 'header': {
      const v = req.headers[param.name.toLowerCase()];
      return v === undefined ? [] : [v];
    }
    case 'cookie': {
      const v = jar.get(param.name);
      return v === undefined ? [] : [v];
    }
  }
}

/**
 * A query parameter whose schema is an object, as OpenAPI serializes it: `deepObject` as
 * `name[prop]=value`, exploded form (the default) as each property its own parameter, unexploded
 * form as `name=prop,value,prop,value`. Undefined when none of it is in the query.
 */
function queryObject(param: SpecParameter, req: MockRequest, properties: Record<string, unknown>, resolver: Resolver): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const put = (key: string, value: string) => (out[key] = scalar(value, typesOf(properties[key], resolver).types));
  if (param.style === 'deepObject') {
    for (const [key, value] of req.query) {
      const prop = key.startsWith(`${param.name}[`) && key.endsWith(']') ? key.slice(param.name.length + 1, -1) : undefined;
      if (prop !== undefined) put(prop, value);
    }
  } else if (param.explode) {
    for (const prop of Object.keys(properties)) if (req.query.has(prop)) put(prop, req.query.get(prop)!);
  } else {
    const parts = req.query.get(param.name)?.split(',');
    if (!parts) return undefined;
    for (let i = 0; i + 1 < parts.length; i += 2) put(parts[i], parts[i + 1]);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function checkParameters(op: SpecOperation, req: MockRequest, pathParams: Record<string, string>, resolver: Resolver): string[] {
  const jar = cookies(req.headers.cookie);
  const problems: string[] = [];
  for (const param of op.parameters) {
    if (param.in === 'header' && IGNORED_HEADERS.has(param.name.toLowerCase())) continue;
    const label = `${LABEL[param.in]} \`${param.name}\``;
    const { types, schema } = typesOf(param.schema, resolver);
    if (param.in === 'query' && types.includes('object')) {
      const value = queryObject(param, req, isObject(schema.properties) ? schema.properties : {}, resolver);
      if (value === undefined) {
        if (param.required) problems.push(`${label} is required`);
      } else if (param.validate) problems.push(...describeErrors(label, param.validate(value)));
      continue;
    }
    const values = parameterValues(param, req, pathParams, jar);
    if (values.length === 0) {
      if (param.required) problems.push(`${label} is required`);
      continue;
    }
    if (param.validate) problems.push(...describeErrors(label, param.validate(coerce(values, param, resolver))));
  }
  return problems;
}

/** The operation's media type for a request's Content-Type: exact, then `type/*`, then `*\/*`. */
function mediaFor(op: SpecOperation, contentType: string) {
  const types = op.body?.types ?? [];
  return types.find((t) => t.mediaType === contentType) ?? types.find((t) => t.mediaType === `${contentType.split('/')[0]}/*`) ?? types.find((t) => t.mediaType === '*/*');
}

const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType) || mediaType === '*/*';

function formValue(form: URLSearchParams, schema: unknown, resolver: Resolver): Record<string, unknown> {
  const props = isObject(typesOf(schema, resolver).schema.properties) ? (typesOf(schema, resolver).schema.properties as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const { types } = typesOf(props[key], resolver);
    out[key] = types.includes('array') ? form.getAll(key) : scalar(form.get(key) ?? '', types);
  }
  return out;
}

function checkBody(op: SpecOperation, req: MockRequest, resolver: Resolver): MockResponse | string[] {
  const body = op.body;
  if (!body) return [];
  if (req.body.length === 0) return body.required ? ['request body is required'] : [];
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const accepted = body.types.map((t) => t.mediaType).join(', ');
  const media = contentType ? mediaFor(op, contentType) : undefined;
  if (!media && body.types.length > 0) {
    const said = contentType ? `the content type \`${contentType}\` is not accepted` : 'the request body has no Content-Type';
    return problemResponse(415, 'Unsupported Media Type', `${said}; ${op.key} accepts ${accepted}`, [`${said}; ${op.key} accepts ${accepted}`], { match: op.key });
  }
  if (!media?.validate) return [];
  let value: unknown;
  if (isJson(contentType)) {
    try {
      value = JSON.parse(req.body.toString('utf8'));
    } catch (err) {
      return [`request body is not valid JSON (${(err as Error).message})`];
    }
  } else if (contentType === 'application/x-www-form-urlencoded') {
    const pointer = `${op.pointer}/requestBody/content/${media.mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
    value = formValue(new URLSearchParams(req.body.toString('utf8')), safeTarget(resolver, pointer), resolver);
  } else return [];
  return describeErrors('request body', media.validate(value));
}

function safeTarget(resolver: Resolver, pointer: string): unknown {
  try {
    return resolver.target(pointer, pointer);
  } catch {
    return undefined;
  }
}

/** undefined when the request fits the operation; else the 4xx answer. */
export function validateRequest(op: SpecOperation, req: MockRequest, pathParams: Record<string, string>, resolver: Resolver): MockResponse | undefined {
  const problems = checkParameters(op, req, pathParams, resolver);
  const body = checkBody(op, req, resolver);
  if (!Array.isArray(body)) return problems.length > 0 ? withParams(body, problems) : body;
  problems.push(...body);
  if (problems.length === 0) return undefined;
  return problemResponse(400, 'Bad Request', `The request does not match ${op.key} in the spec`, problems, { match: op.key });
}

function withParams(response: MockResponse, problems: string[]): MockResponse {
  return problemResponse(response.status, 'Unsupported Media Type', `The request does not match the spec`, [...problems, ...response.problems], { match: response.match });
}
