// Postman Collection v2.0 / v2.1 → a Courier collection tree. Each item keeps its original JSON
// (without its children) in `preserved.postman`, so an export writes back what Courier does not
// model: saved responses, item variables, unsupported auth types, ids, unknown fields.
import { randomUUID } from 'node:crypto';
import { AppError, badInput } from '../../../../shared/errors.js';
import type { Auth, ItemKind, Scripts, Variable } from '../../../../shared/model.js';
import type { CollectionNode } from '../item-tree.js';
import { importExamples } from './examples.js';
import { asText, descriptionText, importAuth, importRequest, type Warn } from './import-request.js';
import { parsePostman, PmCollection, type PmEvent, type PmItem, type PmVariable } from './schema.js';

export interface CollectionImport {
  root: CollectionNode;
  /** What could not be carried over exactly (it is still preserved for export). */
  warnings: string[];
}

const NAME_MAX = 500;

export function scriptsFromEvents(events: PmEvent[] | null | undefined): Scripts {
  const scripts: Scripts = { prerequest: '', test: '' };
  for (const event of events ?? []) {
    if (event.disabled === true) continue;
    if (event.listen !== 'prerequest' && event.listen !== 'test') continue;
    const exec = event.script?.exec ?? '';
    const code = Array.isArray(exec) ? exec.join('\n') : exec;
    scripts[event.listen] = scripts[event.listen] ? `${scripts[event.listen]}\n${code}` : code;
  }
  return scripts;
}

export function importVariables(variables: PmVariable[] | null | undefined): Variable[] {
  return (variables ?? []).map((v) => ({
    key: v.key ?? v.id ?? '',
    value: asText(v.value),
    enabled: v.disabled !== true,
    secret: v.type === 'secret',
  }));
}

function nameOf(name: string | null | undefined, kind: ItemKind): string {
  const trimmed = (name ?? '').trim();
  return (trimmed || (kind === 'folder' ? 'Untitled folder' : 'Untitled request')).slice(0, NAME_MAX);
}

/** The Courier fields of one Postman item (its children aside). Export uses it too, on preserved originals. */
export function importItemFields(pm: PmItem, kind: ItemKind, where: string, warn: Warn): Omit<CollectionNode, 'children' | 'id'> {
  const scripts = scriptsFromEvents(pm.event);
  if (kind === 'folder') {
    return {
      kind,
      name: nameOf(pm.name, kind),
      description: descriptionText(pm.description),
      scripts,
      auth: importAuth(pm.auth, { type: 'inherit' }, `${where}.auth`, warn),
    };
  }
  const request = importRequest(pm.request, pm.protocolProfileBehavior, where, warn);
  const own = typeof pm.request === 'object' ? descriptionText(pm.request.description) : '';
  const examples = importExamples(pm.response);
  return { kind, name: nameOf(pm.name, kind), description: own || descriptionText(pm.description), scripts, request, examples };
}

function withoutChildren(pm: PmItem): Record<string, unknown> {
  const { item: _children, ...rest } = pm;
  return rest;
}

function importItem(pm: PmItem, where: string, warn: Warn): CollectionNode {
  const kind: ItemKind = Array.isArray(pm.item) ? 'folder' : 'request';
  return {
    id: pm.id || randomUUID(),
    ...importItemFields(pm, kind, where, warn),
    preserved: { postman: withoutChildren(pm) },
    children: (pm.item ?? []).map((child, i) => importItem(child, `${where}.item[${i}]`, warn)),
  };
}

export function collectionAuth(auth: PmCollection['auth'], warn: Warn): Auth {
  return importAuth(auth, { type: 'none' }, 'auth', warn);
}

/** Parses a Postman collection (already JSON-decoded); `what` names the file in messages. */
export function importPostmanCollection(json: unknown, what = 'the collection'): CollectionImport {
  if (json && typeof json === 'object' && !('info' in json) && 'requests' in json && 'order' in json) {
    throw badInput(`${what} is a Postman Collection v1 file, which Courier does not read: export it from Postman as v2.1`);
  }
  const pm = parsePostman(PmCollection, json, what);
  const warnings: string[] = [];
  const warn: Warn = (m) => warnings.push(m);
  const { item: items, ...top } = pm;
  const root: CollectionNode = {
    id: pm.info._postman_id || randomUUID(),
    kind: 'collection',
    name: (pm.info.name.trim() || 'Untitled collection').slice(0, NAME_MAX),
    description: descriptionText(pm.info.description),
    scripts: scriptsFromEvents(pm.event),
    auth: collectionAuth(pm.auth, warn),
    variables: importVariables(pm.variable),
    preserved: { postman: top },
    children: [],
  };
  try {
    root.children = items.map((child, i) => importItem(child, `item[${i}]`, warn));
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, `${what}: ${err.message}`, err.issues);
    throw err;
  }
  return { root, warnings };
}
