// A (normalised) OpenAPI 3 document → a collection tree: a folder per tag, a request per
// operation, {{baseUrl}} from the first server, path parameters as {{name}} with a collection
// variable each (path-variables.ts), query and header rows, example bodies, auth from the security schemes.
import { randomUUID } from 'node:crypto';
import { badInput } from '../../../../shared/errors.js';
import { defaultRequest, type Auth, type Variable } from '../../../../shared/model.js';
import { withQuery } from '../../../../shared/url.js';
import { DESCRIPTION_MAX, NAME_MAX } from '../../store/limits.js';
import type { CollectionNode } from '../item-tree.js';
import { authFor, type SecurityContext } from './auth.js';
import { appendPointer, isObject } from './pointer.js';
import { asRows, operationParameters, requestBody, responseExamples } from './request-parts.js';
import { PathVariables } from './path-variables.js';
import type { Resolver } from './resolver.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** More operations than any real API has: a document past this is refused rather than imported. */
export const MAX_OPERATIONS = 20_000;

const node = (kind: CollectionNode['kind'], name: string, description = ''): CollectionNode => ({
  id: randomUUID(),
  kind,
  name: name.trim().slice(0, NAME_MAX).trim() || 'Untitled',
  description,
  scripts: { prerequest: '', test: '' },
  children: [],
});

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function buildCollection(doc: Record<string, unknown>, resolver: Resolver, name?: string): CollectionNode {
  const info = isObject(doc.info) ? doc.info : {};
  const root = node('collection', name ?? (text(info.title).trim() || 'Imported API'), text(info.description));
  const baseUrl = serverUrl(doc.servers);
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = resolver.object(components.securitySchemes, '#/components/securitySchemes', 'components.securitySchemes').value ?? {};
  const resolvedSchemes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schemes)) resolvedSchemes[key] = resolver.resolve(value, appendPointer('#/components/securitySchemes', key)).value;
  const security: SecurityContext = { schemes: resolvedSchemes, variables: new Map<string, Variable>(), warn: (m) => resolver.warn(m) };
  const collectionAuth = authFor(doc.security, security, '#/security');
  if (collectionAuth) root.auth = collectionAuth;

  const folders = new Map<string, CollectionNode>();
  if (Array.isArray(doc.tags)) {
    for (const tag of doc.tags) if (isObject(tag) && typeof tag.name === 'string' && !folders.has(tag.name)) folders.set(tag.name, node('folder', tag.name, text(tag.description)));
  }
  const loose: CollectionNode[] = [];
  const pathVariables = new PathVariables();
  let operations = 0;
  if (doc.paths !== undefined && !isObject(doc.paths)) throw badInput('#/paths: paths must be an object');
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (path.startsWith('x-')) continue; // an extension, not a path
    const itemAt = appendPointer('#', 'paths', path);
    const { value: item, at } = resolver.object(rawItem, itemAt, 'a path item');
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const rawOp = item[method];
      if (rawOp === undefined) continue;
      const opAt = appendPointer(at, method);
      if (!isObject(rawOp)) throw badInput(`${opAt}: an operation must be an object`);
      if (++operations > MAX_OPERATIONS) throw badInput(`#/paths: more than ${MAX_OPERATIONS} operations; refused`);
      const request = buildRequest(path, method, rawOp, item, at, opAt, baseUrl, resolver, security, collectionAuth, pathVariables);
      const tag = Array.isArray(rawOp.tags) && typeof rawOp.tags[0] === 'string' ? rawOp.tags[0] : undefined;
      if (tag === undefined) loose.push(request);
      else {
        if (!folders.has(tag)) folders.set(tag, node('folder', tag));
        folders.get(tag)!.children.push(request);
      }
    }
  }
  root.children = [...[...folders.values()].filter((f) => f.children.length > 0), ...loose];
  clipDescriptions(root, resolver);
  // Always a baseUrl, empty when the spec names no server: every request stays relative to it, so
  // pointing the collection at a server or a mock is one variable (a run's baseUrl override too).
  const variables = [{ key: 'baseUrl', value: baseUrl, enabled: true, secret: false }, ...security.variables.values()];
  root.variables = [...variables, ...pathVariables.variables(variables.map((v) => v.key))];
  return root;
}

function buildRequest(
  path: string,
  method: string,
  op: Record<string, unknown>,
  item: Record<string, unknown>,
  itemAt: string,
  opAt: string,
  baseUrl: string,
  resolver: Resolver,
  security: SecurityContext,
  collectionAuth: Auth | undefined,
  pathVariables: PathVariables,
): CollectionNode {
  const params = operationParameters(item.parameters, op.parameters, appendPointer(itemAt, 'parameters'), appendPointer(opAt, 'parameters'), resolver);
  pathVariables.add(path, params);
  const { body, contentType } = requestBody(op.requestBody, appendPointer(opAt, 'requestBody'), resolver);
  const headers = asRows(params, 'header');
  if (contentType && !headers.some((h) => h.key.toLowerCase() === 'content-type')) headers.push({ key: 'Content-Type', value: contentType, enabled: true });
  const query = asRows(params, 'query');
  const url = withQuery(`{{baseUrl}}${path.replace(/\{([^}]+)\}/g, '{{$1}}')}`, query);
  const auth = authFor(op.security, security, appendPointer(opAt, 'security'));
  const sameAsCollection = auth !== undefined && collectionAuth !== undefined && JSON.stringify(auth) === JSON.stringify(collectionAuth);
  const name = text(op.summary).trim() || text(op.operationId).trim() || `${method.toUpperCase()} ${path}`;
  const request = node('request', name, text(op.description) || (text(op.summary) && name !== text(op.summary).trim() ? text(op.summary) : ''));
  request.request = defaultRequest({
    method: method.toUpperCase(),
    url,
    params: query,
    headers,
    body,
    auth: auth && !sameAsCollection ? auth : { type: 'inherit' },
  });
  const examples = responseExamples(op.responses, appendPointer(opAt, 'responses'), resolver);
  // Saved with the request where the collection tree carries examples.
  if (examples.length > 0) Object.assign(request, { examples });
  return request;
}

/** Descriptions longer than the workspace keeps are cut, with a warning naming the item. */
function clipDescriptions(n: CollectionNode, resolver: Resolver): void {
  if (n.description.length > DESCRIPTION_MAX) {
    n.description = n.description.slice(0, DESCRIPTION_MAX);
    resolver.warn(`The description of "${n.name}" was cut to ${DESCRIPTION_MAX} characters`);
  }
  n.children.forEach((c) => clipDescriptions(c, resolver));
}

/** The first server's URL with its variables at their defaults, without a trailing slash. */
function serverUrl(servers: unknown): string {
  if (!Array.isArray(servers) || !isObject(servers[0]) || typeof servers[0].url !== 'string') return '';
  const server = servers[0];
  const vars = isObject(server.variables) ? server.variables : {};
  const url = String(server.url).replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return isObject(v) && v.default !== undefined ? String(v.default) : `{{${name}}}`;
  });
  return url.replace(/\/+$/, '');
}
