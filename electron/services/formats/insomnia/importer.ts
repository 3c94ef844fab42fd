// Insomnia v4 exports: each workspace becomes a collection, request groups folders, requests
// requests (headers, query, bodies, auth); the base environment becomes the collection's
// variables and each sub-environment an environment. `{{ _.name }}` becomes `{{name}}`.
import { z } from 'zod';
import { badInput } from '../../../../shared/errors.js';
import { defaultRequest, type Auth, type Body, type RequestSpec, type Variable } from '../../../../shared/model.js';
import { parseQuery, withQuery } from '../../../../shared/url.js';
import { bodyFromMime } from '../body-from-mime.js';
import type { Importer, ImportParts } from '../importer.js';
import { emptyParts } from '../importer.js';
import type { CollectionNode } from '../item-tree.js';
import { parseJsonText, tryJson } from '../json-text.js';
import { parsePostman } from '../postman/schema.js';
import { containerNode, requestNode } from '../tree-nodes.js';
import { InsomniaExport, Resource, type InsomniaAuth } from './schema.js';

const KNOWN = new Set(['workspace', 'request_group', 'request', 'environment']);

/** Insomnia's Nunjucks variables as Courier's: `{{ _.base_url }}` and `{{ base_url }}` → `{{base_url}}`. */
export function convertTemplate(text: string): string {
  return text.replace(/\{\{\s*(?:_\.)?([\w.$-]+)\s*\}\}/g, '{{$1}}');
}

function toAuth(a: InsomniaAuth | undefined, warn: (m: string) => void, where: string): Auth {
  if (!a || !a.type) return { type: 'inherit' };
  if (a.disabled) return { type: 'none' };
  const t = (s: string | undefined) => convertTemplate(s ?? '');
  switch (a.type) {
    case 'basic':
      return { type: 'basic', username: t(a.username), password: t(a.password) };
    case 'bearer':
      if (a.prefix && a.prefix.toLowerCase() !== 'bearer') warn(`${where}: the bearer prefix "${a.prefix}" became "Bearer"`);
      return { type: 'bearer', token: t(a.token) };
    case 'apikey':
      return { type: 'apikey', key: t(a.key), value: t(a.value), in: a.addTo === 'queryParams' ? 'query' : 'header' };
    case 'oauth2':
      if (a.grantType === 'client_credentials') {
        return { type: 'oauth2', grantType: 'client_credentials', accessTokenUrl: t(a.accessTokenUrl), clientId: t(a.clientId), clientSecret: t(a.clientSecret), scope: t(a.scope), clientAuthentication: 'header' };
      }
      break;
    case 'none':
      return { type: 'none' };
  }
  warn(`${where}: ${a.type}${a.grantType ? ` (${a.grantType})` : ''} auth is not supported; the request inherits its folder's auth`);
  return { type: 'inherit' };
}

type RequestResource = Extract<Resource, { _type: 'request' }>;

function toRequest(r: RequestResource, warn: (m: string) => void): RequestSpec {
  const t = convertTemplate;
  const params = r.parameters.map((p) => ({ key: t(p.name), value: t(p.value), enabled: !p.disabled }));
  let body: Body = bodyFromMime(r.body.mimeType ?? undefined, r.body.text === undefined ? undefined : t(r.body.text), r.body.params?.map((p) => ({ name: t(p.name), value: t(p.value), disabled: p.disabled, ...(p.type === 'file' ? { fileName: p.fileName ?? '' } : {}) })));
  if (r.body.fileName) body = { mode: 'binary', filePath: r.body.fileName, fileName: r.body.fileName.split(/[\\/]/).pop() };
  if (/\{%/.test(`${r.url}${r.body.text ?? ''}`)) warn(`"${r.name}": Insomnia template tags ({% … %}) are kept as text`);
  const url = t(r.url);
  const allParams = [...parseQuery(url), ...params];
  return defaultRequest({
    method: r.method.toUpperCase(),
    url: params.length ? withQuery(url, allParams) : url,
    params: allParams,
    headers: r.headers.filter((h) => h.name).map((h) => ({ key: t(h.name), value: t(h.value), enabled: !h.disabled })),
    body,
    auth: toAuth(r.authentication, warn, `"${r.name}"`),
    ...(r.settingFollowRedirects === 'off' ? { settings: { ...defaultRequest().settings, followRedirects: false } } : {}),
  });
}

/** Environment data as variables: nested objects become dotted keys, other values text. */
function variablesOf(data: Record<string, unknown>, prefix = ''): Variable[] {
  return Object.entries(data).flatMap(([key, value]): Variable[] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? variablesOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [{ key: `${prefix}${key}`, value: typeof value === 'string' ? convertTemplate(value) : JSON.stringify(value), enabled: true, secret: false }],
  );
}

const bySortKey = (a: Resource, b: Resource) => (a.metaSortKey ?? 0) - (b.metaSortKey ?? 0);

export const insomniaImporter: Importer = {
  id: 'insomnia',
  label: 'Insomnia v4 exports',
  detect: (text) => {
    const json = tryJson(text) as { _type?: unknown; __export_format?: unknown } | undefined;
    return json?._type === 'export' && json.__export_format !== undefined;
  },
  parse(text, fileName) {
    const file = parsePostman(InsomniaExport, parseJsonText(text, fileName), fileName);
    // Unknown kinds (cookie jars, API specs, gRPC, tests) are left out; indices stay the file's.
    const { resources } = parsePostman(z.object({ resources: z.array(Resource.nullable()) }), { resources: file.resources.map((r) => (KNOWN.has(r._type) ? r : null)) }, fileName);
    const parts: ImportParts = emptyParts();
    const warn = (m: string) => parts.warnings.push(m);
    const skipped = file.resources.filter((r) => !KNOWN.has(r._type)).map((r) => r._type);
    if (skipped.length) warn(`left out: ${[...new Set(skipped)].join(', ')}`);
    const all = resources.filter((r): r is Resource => r !== null);
    const children = new Map<string, Resource[]>();
    for (const r of all) {
      const list = children.get(r.parentId ?? '') ?? [];
      list.push(r);
      children.set(r.parentId ?? '', list);
    }
    const build = (parent: CollectionNode, id: string) => {
      for (const r of (children.get(id) ?? []).sort(bySortKey)) {
        if (r._type === 'request') parent.children.push(requestNode(toRequest(r, warn), r.name || undefined, r.description));
        else if (r._type === 'request_group') {
          const folder = containerNode('folder', r.name, { description: r.description, auth: toAuth(r.authentication, warn, `"${r.name}"`) });
          parent.children.push(folder);
          build(folder, r._id);
        }
      }
    };
    const workspaces = all.filter((r) => r._type === 'workspace');
    if (workspaces.length === 0) {
      // An export of a few requests with no workspace: their own collection.
      const orphans = all.filter((r) => r._type !== 'workspace' && !all.some((p) => p._id === r.parentId));
      if (!orphans.some((r) => r._type === 'request' || r._type === 'request_group')) {
        throw badInput(`${fileName}: resources: no workspace, request group or request in it`);
      }
      const root = containerNode('collection', fileName.replace(/\.[^.]*$/, ''));
      for (const id of new Set(orphans.map((r) => r.parentId ?? ''))) build(root, id);
      parts.collections.push(root);
      return parts;
    }
    for (const ws of workspaces) {
      const base = all.find((r): r is Extract<Resource, { _type: 'environment' }> => r._type === 'environment' && r.parentId === ws._id);
      const root = containerNode('collection', ws.name, { description: ws.description, variables: base ? variablesOf(base.data) : [] });
      build(root, ws._id);
      parts.collections.push(root);
      if (base) {
        for (const env of all.filter((r): r is Extract<Resource, { _type: 'environment' }> => r._type === 'environment' && r.parentId === base._id).sort(bySortKey)) {
          parts.environments.push({ name: env.name || 'Imported environment', variables: variablesOf(env.data) });
        }
      }
    }
    return parts;
  },
};
