// Swagger 2.0 → the OpenAPI 3 shape the rest of the importer reads: servers from
// schemes + host + basePath, body and formData parameters as a requestBody, response schemas as
// content, securityDefinitions as components.securitySchemes. `#/definitions/…` refs keep working
// because the document's own sections are carried over.
import { appendPointer, isObject } from './pointer.js';
import type { Resolver } from './resolver.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export function swagger2ToOpenApi3(doc: Record<string, unknown>, resolver: Resolver): Record<string, unknown> {
  const consumes = stringList(doc.consumes);
  const produces = stringList(doc.produces);
  const paths: Record<string, unknown> = {};
  const rawPaths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(rawPaths)) {
    if (path.startsWith('x-')) continue; // an extension, not a path
    const item = resolver.object(rawItem, appendPointer('#', 'paths', path), 'a path item');
    if (!item.value) continue;
    const shared = item.value.parameters;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item.value)) {
      if (!METHODS.includes(key) || !isObject(value)) continue;
      const at = appendPointer(item.at, key);
      const params = [...list(shared), ...list(value.parameters)];
      out[key] = convertOperation(value, params, at, resolver, stringList(value.consumes) ?? consumes, stringList(value.produces) ?? produces);
    }
    paths[path] = out;
  }
  const host = typeof doc.host === 'string' ? doc.host : '';
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : '';
  const scheme = stringList(doc.schemes)?.[0] ?? 'https';
  const url = host ? `${scheme}://${host}${basePath}` : basePath;
  return {
    ...doc,
    openapi: '3.0.0',
    servers: url ? [{ url }] : [],
    paths,
    components: { securitySchemes: convertSecurity(doc.securityDefinitions) },
  };
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function convertOperation(
  op: Record<string, unknown>,
  rawParams: unknown[],
  at: string,
  resolver: Resolver,
  consumes: string[] | undefined,
  produces: string[] | undefined,
): Record<string, unknown> {
  const parameters: unknown[] = [];
  const form: Record<string, unknown> = {};
  let body: Record<string, unknown> | undefined;
  rawParams.forEach((raw, i) => {
    const p = resolver.object(raw, appendPointer(at, 'parameters', i), 'a parameter').value;
    if (!p) return;
    if (p.in === 'body') body = p;
    else if (p.in === 'formData' && typeof p.name === 'string') form[p.name] = { ...paramSchema(p), ...(p.type === 'file' ? { type: 'string', format: 'binary' } : {}) };
    else parameters.push({ ...p, schema: paramSchema(p) });
  });
  const converted: Record<string, unknown> = { ...op, parameters };
  if (body) {
    const type = consumes?.find((c) => /json/.test(c)) ?? consumes?.[0] ?? 'application/json';
    converted.requestBody = { description: body.description, content: { [type]: { schema: body.schema, example: body['x-example'] } } };
  } else if (Object.keys(form).length > 0) {
    const type = consumes?.includes('multipart/form-data') ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    converted.requestBody = { content: { [type]: { schema: { type: 'object', properties: form } } } };
  }
  if (isObject(op.responses)) {
    const responses: Record<string, unknown> = {};
    const type = produces?.find((c) => /json/.test(c)) ?? produces?.[0] ?? 'application/json';
    for (const [status, raw] of Object.entries(op.responses)) {
      const r = resolver.object(raw, appendPointer(at, 'responses', status), 'a response').value;
      if (!r) continue;
      const examples = isObject(r.examples) ? r.examples : {};
      const example = examples[type] ?? Object.values(examples)[0];
      responses[status] = { description: r.description, ...(r.schema !== undefined || example !== undefined ? { content: { [type]: { schema: r.schema, example } } } : {}) };
    }
    converted.responses = responses;
  }
  return converted;
}

function paramSchema(p: Record<string, unknown>): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  for (const key of ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum']) if (p[key] !== undefined) schema[key] = p[key];
  if (p['x-example'] !== undefined) schema.example = p['x-example'];
  return schema;
}

function convertSecurity(defs: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(defs)) return out;
  for (const [name, def] of Object.entries(defs)) {
    if (!isObject(def)) continue;
    if (def.type === 'basic') out[name] = { type: 'http', scheme: 'basic', description: def.description };
    else if (def.type === 'apiKey') out[name] = { type: 'apiKey', name: def.name, in: def.in, description: def.description };
    else if (def.type === 'oauth2') {
      const flow = { tokenUrl: def.tokenUrl, authorizationUrl: def.authorizationUrl, scopes: def.scopes };
      const key = def.flow === 'application' ? 'clientCredentials' : def.flow === 'accessCode' ? 'authorizationCode' : def.flow === 'password' ? 'password' : 'implicit';
      out[name] = { type: 'oauth2', flows: { [key]: flow } };
    }
  }
  return out;
}
