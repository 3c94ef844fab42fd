// A Courier collection tree → Postman Collection v2.1. An item imported from Postman starts from
// its preserved original JSON: each part Courier models (name, description, scripts, method, URL,
// headers, body, auth, settings, variables) is written fresh only when it differs from what the
// original meant to Courier, so everything Courier does not model — and the exact form of what it
// does — comes back as it was.
import { isDeepStrictEqual } from 'node:util';
import type { Scripts } from '../../../../shared/model.js';
import type { CollectionNode } from '../item-tree.js';
import { collectionAuth, importItemFields, importVariables, scriptsFromEvents } from './import-collection.js';
import { exportExamples } from './examples.js';
import { descriptionText } from './import-request.js';
import {
  authAsV21,
  exportAuth,
  exportBehavior,
  exportBody,
  exportHeaders,
  exportRequest,
  exportUrl,
} from './export-request.js';
import type { PmCollection, PmEvent, PmItem, PmVariable } from './schema.js';

type Json = Record<string, unknown>;

export const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Equal as JSON: key order and undefined-valued keys do not count. */
const same = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
const ignore = () => undefined;

function original(node: CollectionNode): Json | undefined {
  const pm = node.preserved?.postman;
  return pm && typeof pm === 'object' && !Array.isArray(pm) ? (pm as Json) : undefined;
}

/** Sets `key` to `value`, or removes it when there is no value. */
function put(target: Json, key: string, value: unknown): void {
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
}

function lines(code: string): string[] {
  return code.split(/\r?\n/);
}

/** The original events with the prerequest and test scripts replaced; other listeners kept. */
function exportEvents(events: unknown, scripts: Scripts): Json[] | undefined {
  const kept = Array.isArray(events) ? (events as Json[]) : [];
  const out: Json[] = [];
  const written = new Set<string>();
  for (const event of kept) {
    const listen = event.listen;
    if (listen !== 'prerequest' && listen !== 'test') {
      out.push(event);
      continue;
    }
    if (written.has(listen) || scripts[listen] === '') continue;
    written.add(listen);
    const script = (event.script && typeof event.script === 'object' ? event.script : {}) as Json;
    out.push({ ...event, script: { type: 'text/javascript', ...script, exec: lines(scripts[listen]) } });
  }
  for (const listen of ['prerequest', 'test'] as const) {
    if (!written.has(listen) && scripts[listen] !== '') {
      out.push({ listen, script: { type: 'text/javascript', exec: lines(scripts[listen]) } });
    }
  }
  return out.length > 0 ? out : undefined;
}

function exportRequestItem(node: CollectionNode, base: Json | undefined, where: string): Json {
  const spec = node.request!;
  if (!base) {
    const out: Json = { name: node.name, request: exportRequest(spec, node.description), response: exportExamples(node.examples ?? [], spec, undefined) };
    put(out, 'event', exportEvents(undefined, node.scripts));
    put(out, 'protocolProfileBehavior', exportBehavior(spec.settings));
    return out;
  }
  let was: ReturnType<typeof importItemFields> | undefined;
  try {
    was = importItemFields(base as PmItem, 'request', where, ignore);
  } catch {
    was = undefined; // a preserved original that no longer reads: write everything fresh
  }
  const then = was?.request;
  const out: Json = { ...base };
  if (!was || node.name !== was.name) out.name = node.name;
  const urlChanged = !then || !same([spec.url, spec.params], [then.url, then.params]);
  const changed = {
    method: !then || spec.method !== then.method,
    url: urlChanged,
    header: !then || !same(spec.headers, then.headers),
    body: !then || !same(spec.body, then.body),
    auth: !then || !same(spec.auth, then.auth),
    description: !was || node.description !== was.description,
  };
  const baseRequest = base.request;
  if (typeof baseRequest === 'string' && !Object.values(changed).some(Boolean)) {
    out.request = baseRequest; // a request written as just its URL stays that way
  } else {
    const request: Json = typeof baseRequest === 'object' && baseRequest !== null ? { ...(baseRequest as Json) } : {};
    if (typeof baseRequest === 'string') request.url = baseRequest;
    if (changed.method) request.method = spec.method;
    if (changed.url) request.url = exportUrl(spec.url, spec.params);
    if (changed.header) request.header = exportHeaders(spec.headers);
    if (changed.body) put(request, 'body', exportBody(spec.body));
    if (changed.auth) put(request, 'auth', exportAuth(spec.auth));
    else if (request.auth) request.auth = authAsV21(request.auth);
    if (changed.description) {
      put(request, 'description', node.description);
      delete out.description;
    }
    out.request = request;
  }
  const settings = (s: typeof spec.settings) => [s.followRedirects, s.maxRedirects, s.verifyTls];
  if (!then || !same(settings(spec.settings), settings(then.settings))) {
    const behavior: Json = { ...((base.protocolProfileBehavior as Json | undefined) ?? {}) };
    for (const key of ['followRedirects', 'maxRedirects', 'strictSSL']) delete behavior[key];
    Object.assign(behavior, exportBehavior(spec.settings));
    put(out, 'protocolProfileBehavior', Object.keys(behavior).length > 0 ? behavior : undefined);
  }
  if (!was || !same(node.scripts, was.scripts)) put(out, 'event', exportEvents(base.event, node.scripts));
  if (!was || !same(node.examples ?? [], was.examples ?? [])) out.response = exportExamples(node.examples ?? [], spec, base.response);
  return out;
}

function exportFolderItem(node: CollectionNode, base: Json | undefined, where: string): Json {
  let was: ReturnType<typeof importItemFields> | undefined;
  try {
    was = base ? importItemFields(base as PmItem, 'folder', where, ignore) : undefined;
  } catch {
    was = undefined;
  }
  const out: Json = { ...(base ?? {}) };
  if (!was || node.name !== was.name) out.name = node.name;
  if (!was || node.description !== was.description) put(out, 'description', node.description);
  if (!was || !same(node.auth, was.auth)) put(out, 'auth', exportAuth(node.auth));
  else if (out.auth) out.auth = authAsV21(out.auth);
  if (!was || !same(node.scripts, was.scripts)) put(out, 'event', exportEvents(base?.event, node.scripts));
  out.item = node.children.map((child, i) => exportItem(child, `${where}.item[${i}]`));
  return out;
}

function exportItem(node: CollectionNode, where: string): Json {
  return node.kind === 'request' ? exportRequestItem(node, original(node), where) : exportFolderItem(node, original(node), where);
}

/** The collection as a Postman v2.1 document (a plain object, ready for JSON.stringify). */
export function exportPostmanCollection(root: CollectionNode): Json {
  const base = original(root) ?? {};
  const baseInfo = (base.info && typeof base.info === 'object' ? base.info : {}) as Json;
  const info: Json = { _postman_id: root.id, ...baseInfo, name: root.name, schema: SCHEMA_V21 };
  if (descriptionText(baseInfo.description as PmItem['description']) !== root.description) put(info, 'description', root.description);
  const out: Json = { ...base, info };
  if (!same(root.scripts, scriptsFromEvents(base.event as PmEvent[] | undefined))) put(out, 'event', exportEvents(base.event, root.scripts));
  if (!same(root.variables ?? [], importVariables(base.variable as PmVariable[] | undefined))) {
    put(
      out,
      'variable',
      (root.variables ?? []).map((v) => ({
        key: v.key,
        value: v.value,
        type: v.secret ? 'secret' : 'string',
        ...(v.enabled === false ? { disabled: true } : {}),
      })),
    );
  }
  if (!same(root.auth, collectionAuth(base.auth as PmCollection['auth'], ignore))) put(out, 'auth', exportAuth(root.auth));
  else if (out.auth) out.auth = authAsV21(out.auth);
  out.item = root.children.map((child, i) => exportItem(child, `item[${i}]`));
  return out;
}
