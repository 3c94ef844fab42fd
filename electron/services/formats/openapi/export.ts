// A collection → an OpenAPI 3.1 document (JSON or YAML): a path per request URL with `{param}`
// for `{{param}}` and `:param` segments, its query, path and header parameters, its body as a
// requestBody with the body as example, saved example responses as responses, its auth as a
// security scheme. Requests that OpenAPI cannot hold (a method outside the eight, a second
// request with the same path and method) are listed under `x-courier-skipped`.
import { stringify as toYaml } from 'yaml';
import type { Auth, Body, RequestSpec } from '../../../../shared/model.js';
import { splitUrl } from '../../../../shared/url.js';
import { requestsIn, type CollectionNode } from '../item-tree.js';
import { HTTP_METHODS } from './build-collection.js';
import { isObject } from './pointer.js';

/** A saved example response, as the collection tree carries it where examples are kept. */
interface SavedExample {
  name: string;
  status: number;
  headers: [string, string][];
  body: string;
}

export function exportOpenApi(tree: CollectionNode, format: 'json' | 'yaml' = 'json'): string {
  const doc = collectionToOpenApi(tree);
  return format === 'yaml' ? toYaml(doc, { aliasDuplicateObjects: false }) : JSON.stringify(doc, null, 2) + '\n';
}

export function collectionToOpenApi(tree: CollectionNode): Record<string, unknown> {
  const vars = new Map((tree.variables ?? []).map((v) => [v.key, v.value]));
  const baseUrl = vars.get('baseUrl');
  const paths: Record<string, Record<string, unknown>> = {};
  const schemes: Record<string, unknown> = {};
  const tags = new Map<string, string>();
  const skipped: string[] = [];
  const operationIds = new Set<string>();
  const collectionSecurity = security(tree.auth, schemes);
  for (const { request: node, parents } of requestsIn(tree)) {
    const req = node.request;
    if (!req) continue;
    const method = req.method.toLowerCase();
    const { path, pathParams, server } = openApiPath(req.url);
    if (!(HTTP_METHODS as readonly string[]).includes(method) || paths[path]?.[method]) {
      skipped.push(`${req.method} ${req.url} (${node.name})`);
      continue;
    }
    const folder = parents.find((p) => p.kind === 'folder');
    if (folder && !tags.has(folder.name)) tags.set(folder.name, folder.description);
    const op: Record<string, unknown> = {
      summary: node.name,
      operationId: uniqueId(node.name, operationIds),
      ...(node.description ? { description: node.description } : {}),
      ...(folder ? { tags: [folder.name] } : {}),
    };
    const parameters = [
      ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...req.params.filter((p) => p.key !== '').map((p) => param(p.key, 'query', p.value, p.enabled, p.description)),
      ...req.headers
        .filter((h) => h.key !== '' && !/^(content-type|authorization)$/i.test(h.key))
        .map((h) => param(h.key, 'header', h.value, h.enabled, h.description)),
    ];
    if (parameters.length > 0) op.parameters = parameters;
    const body = requestBody(req.body, req);
    if (body) op.requestBody = body;
    op.responses = responses((node as { examples?: SavedExample[] }).examples);
    const auth = effectiveAuth(req.auth, parents);
    const opSecurity = auth === tree.auth ? undefined : security(auth, schemes);
    if (opSecurity) op.security = opSecurity;
    if (server && server !== baseUrl) op.servers = [{ url: server }];
    (paths[path] ??= {})[method] = op;
  }
  const doc: Record<string, unknown> = {
    openapi: '3.1.0',
    info: { title: tree.name, version: '1.0.0', ...(tree.description ? { description: tree.description } : {}) },
    ...(baseUrl ? { servers: [{ url: baseUrl }] } : {}),
    ...(tags.size > 0 ? { tags: [...tags].map(([name, description]) => ({ name, ...(description ? { description } : {}) })) } : {}),
    paths,
  };
  if (Object.keys(schemes).length > 0) doc.components = { securitySchemes: schemes };
  if (collectionSecurity) doc.security = collectionSecurity;
  if (skipped.length > 0) doc['x-courier-skipped'] = skipped;
  return doc;
}

/** The URL's path in OpenAPI form, its path parameters, and its server when it is not {{baseUrl}}. */
function openApiPath(url: string): { path: string; pathParams: string[]; server?: string } {
  let rest = splitUrl(url).base;
  let server: string | undefined;
  if (rest.startsWith('{{baseUrl}}')) rest = rest.slice('{{baseUrl}}'.length);
  else {
    const origin = /^(?:[a-z][a-z0-9+.-]*:\/\/|\{\{[^}]+\}\})[^/]*/i.exec(rest);
    if (origin) {
      server = origin[0].replace(/\{\{([^}]+)\}\}/g, '{$1}');
      rest = rest.slice(origin[0].length);
    }
  }
  const pathParams: string[] = [];
  const path = ('/' + rest.replace(/^\/+/, ''))
    .replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_w, name: string) => `{${name}}`)
    .replace(/(^|\/):([A-Za-z_][\w.-]*)/g, (_w, slash: string, name: string) => `${slash}{${name}}`);
  for (const match of path.matchAll(/\{([^}]+)\}/g)) if (!pathParams.includes(match[1])) pathParams.push(match[1]);
  return { path, pathParams, ...(server ? { server } : {}) };
}

function param(name: string, where: 'query' | 'header', value: string, enabled: boolean, description?: string): Record<string, unknown> {
  return {
    name,
    in: where,
    required: enabled,
    ...(description ? { description } : {}),
    schema: { type: 'string' },
    ...(value !== '' ? { example: value } : {}),
  };
}

function requestBody(body: Body, req: RequestSpec): Record<string, unknown> | undefined {
  const declared = req.headers.find((h) => h.enabled && h.key.toLowerCase() === 'content-type')?.value;
  switch (body.mode) {
    case 'raw': {
      if (body.language === 'json') {
        let example: unknown = body.raw;
        try {
          example = body.raw.trim() === '' ? undefined : JSON.parse(body.raw);
        } catch {
          // A body with {{variables}} outside strings is not JSON: kept as its text.
        }
        return { content: { [declared ?? 'application/json']: example === undefined ? {} : { example } } };
      }
      const type = declared ?? { xml: 'application/xml', html: 'text/html', javascript: 'application/javascript', text: 'text/plain' }[body.language];
      return { content: { [type]: body.raw === '' ? {} : { example: body.raw } } };
    }
    case 'urlencoded':
      return { content: { 'application/x-www-form-urlencoded': { schema: formSchema(body.urlencoded.map((f) => [f.key, f.value, false])) } } };
    case 'formdata':
      return { content: { 'multipart/form-data': { schema: formSchema(body.formdata.map((f) => [f.key, f.value, f.type === 'file'])) } } };
    case 'binary':
      return { content: { [body.contentType ?? 'application/octet-stream']: {} } };
    default:
      return undefined;
  }
}

function formSchema(fields: [string, string, boolean][]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, value, isFile] of fields) {
    if (key !== '') properties[key] = isFile ? { type: 'string', format: 'binary' } : { type: 'string', ...(value !== '' ? { example: value } : {}) };
  }
  return { type: 'object', properties };
}

function responses(examples: SavedExample[] | undefined): Record<string, unknown> {
  if (!examples || examples.length === 0) return { default: { description: 'Response' } };
  const out: Record<string, Record<string, unknown>> = {};
  for (const ex of examples) {
    const status = ex.status >= 100 && ex.status <= 599 ? String(ex.status) : 'default';
    const type = ex.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1].split(';')[0].trim() || 'text/plain';
    let value: unknown = ex.body;
    if (/json/i.test(type)) {
      try {
        value = JSON.parse(ex.body);
      } catch {
        // Not JSON after all: the text is the example.
      }
    }
    const response = (out[status] ??= { description: ex.name, content: {} });
    const content = response.content as Record<string, { examples: Record<string, unknown> }>;
    const media = (content[type] ??= { examples: {} });
    media.examples[uniqueKey(ex.name, (k) => Object.hasOwn(media.examples, k))] = { summary: ex.name, value };
  }
  return out;
}

function effectiveAuth(auth: Auth, parents: CollectionNode[]): Auth | undefined {
  if (auth.type !== 'inherit') return auth;
  for (let i = parents.length - 1; i >= 0; i--) {
    const a = parents[i].auth;
    if (a && a.type !== 'inherit') return a;
  }
  return undefined;
}

/** The security requirement for an auth, adding its scheme to `schemes`. */
function security(auth: Auth | undefined, schemes: Record<string, unknown>): Record<string, string[]>[] | undefined {
  if (!auth || auth.type === 'inherit') return undefined;
  if (auth.type === 'none') return [];
  const [name, scheme, scopes]: [string, Record<string, unknown>, string[]] =
    auth.type === 'bearer'
      ? ['bearerAuth', { type: 'http', scheme: 'bearer' }, []]
      : auth.type === 'basic'
        ? ['basicAuth', { type: 'http', scheme: 'basic' }, []]
        : auth.type === 'apikey'
          ? [`apiKey_${auth.in}_${auth.key}`.replace(/[^\w.-]/g, '_'), { type: 'apiKey', name: auth.key, in: auth.in }, []]
          : [
              'oauth2',
              { type: 'oauth2', flows: { clientCredentials: { tokenUrl: auth.accessTokenUrl, scopes: Object.fromEntries(auth.scope.split(/\s+/).filter(Boolean).map((s) => [s, s])) } } },
              auth.scope.split(/\s+/).filter(Boolean),
            ];
  if (!isObject(schemes[name])) schemes[name] = scheme;
  return [{ [name]: scopes }];
}

function uniqueId(name: string, used: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9]+(.)?/g, (_w, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toLowerCase()) || 'operation';
  const id = uniqueKey(base, (k) => used.has(k));
  used.add(id);
  return id;
}

function uniqueKey(base: string, taken: (key: string) => boolean): string {
  let key = base;
  for (let n = 2; taken(key); n++) key = `${base}${n}`;
  return key;
}
