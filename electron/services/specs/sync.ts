// Applies a spec's drift to its linked collection, in one transaction: new operations become
// requests (in their tag's folder, made when missing), changed ones get the method, URL,
// parameters, headers, body and auth the spec now gives, and removed ones lose their request.
// The collection gets the auth of the spec's document-wide security and any variable it now needs.
// What the user made is kept: test and pre-request scripts (a generated test script the user never
// edited is regenerated), saved examples, a name or description the user changed, values typed
// into parameters and headers, rows the user added, a URL they edited. A request whose tag changed
// moves to its new tag's folder, unless the user had moved it. Afterwards the drift of what was
// applied is empty.
import type { Workspace } from '../store/workspace.js';
import type { SpecOperationLink } from '../store/workspace.js';
import { planDrift, type DriftItem } from './drift.js';
import { storedJson } from './generate.js';
import { operationsOf, tagOf, type OperationRef } from './operations.js';
import { mergeRequest, operationRequest, withoutQuery } from './operation-request.js';
import { readStored, snapshotOf } from './snapshot.js';
import { testScript } from './test-script.js';
import type { CollectionNode } from '../formats/item-tree.js';
import { importOpenApiValue } from '../formats/openapi/index.js';
import { HTTP_METHODS } from '../formats/openapi/build-collection.js';
import { isObject } from '../formats/openapi/pointer.js';

export interface SyncResult {
  added: number;
  changed: number;
  removed: number;
}

export function syncSpecCollection(workspace: Workspace, specId: string, keys?: string[]): SyncResult {
  return workspace.transaction(() => {
    const plan = planDrift(workspace, specId);
    const { doc } = plan;
    const collectionId = plan.drift.collectionId!;
    const chosen = keys === undefined ? undefined : new Set(keys);
    const wanted = (item: DriftItem) => chosen === undefined || chosen.has(item.entry.key);
    const links = new Map(workspace.specOperations(specId).map((l) => [l.key, l]));
    // Requests get test scripts when the collection was generated with them (or has no record yet).
    const records = [...links.values()].map((l) => readStored(l.snapshotJson)).filter((s) => s !== undefined);
    const withTests = records.length === 0 || records.some((s) => s.generated.test !== '');
    const name = workspace.getSpec(specId).name;
    const result: SyncResult = { added: 0, changed: 0, removed: 0 };

    for (const item of plan.removed.filter(wanted)) {
      workspace.deleteItem(item.entry.itemId!);
      links.delete(item.entry.key);
      result.removed++;
    }
    let tagFolders: Map<string, string> | undefined;
    const folderOfTag = (tag: string) => (tagFolders ??= foldersOfTags(workspace, links.values())).get(tag);
    /** Where a request of the operation goes: its tag's folder (made when missing), else the collection. */
    const placeFor = (op: OperationRef, folder: CollectionNode | undefined): string => {
      const tag = tagOf(op);
      if (!folder || tag === undefined) return collectionId;
      const parentId = folderOfTag(tag) ?? folderFor(workspace, collectionId, folder);
      tagFolders!.set(tag, parentId);
      return parentId;
    };
    for (const item of plan.added.filter(wanted)) {
      const op = item.op!;
      const { node, folder } = operationRequest(doc, op, name);
      node.scripts = { ...node.scripts, test: withTests ? testScript(doc, op.key, op.operation) : '' };
      const parentId = placeFor(op, folder);
      const created = workspace.createItem({ kind: 'request', parentId, name: node.name, description: node.description, request: node.request!, scripts: node.scripts });
      for (const example of node.examples ?? []) {
        workspace.createExample(created.id, { ...example, name: example.name.trim() || `${example.status} ${example.statusText}`.trim() || 'Example' });
      }
      links.set(op.key, { key: op.key, itemId: created.id, snapshotJson: storedJson(doc, op, node) });
      result.added++;
    }
    for (const item of plan.changed.filter(wanted)) {
      const op = item.op!;
      const itemId = item.entry.itemId!;
      const current = workspace.getItem(itemId);
      const { node, folder } = operationRequest(doc, op, name);
      const generatedTest = withTests ? testScript(doc, op.key, op.operation) : '';
      const before = item.stored;
      const bodyChanged = before === undefined || before.op.requestBody !== snapshotOf(doc, op).requestBody;
      // A URL the user edited stays, unless the operation's path changed under it.
      const wasUrl = before?.generated.url;
      const keepUrl = item.movedFrom === undefined && wasUrl !== undefined && withoutQuery(current.request!.url) !== withoutQuery(wasUrl);
      workspace.updateItem({
        id: itemId,
        request: mergeRequest(current.request!, node.request!, before?.op, bodyChanged, keepUrl),
        ...(before && current.name === before.generated.name ? { name: node.name } : {}),
        ...(before && current.description === before.generated.description ? { description: node.description } : {}),
        ...(before && current.scripts.test === before.generated.test ? { scripts: { test: generatedTest } } : {}),
      });
      // A new tag files the request where that tag's requests go, if it is where its old tag's are.
      if (before && before.op.tag !== (tagOf(op) ?? '') && current.parentId === (before.op.tag === '' ? collectionId : folderOfTag(before.op.tag))) {
        const parentId = placeFor(op, folder);
        if (parentId !== current.parentId) workspace.moveItem({ id: itemId, parentId, index: Number.MAX_SAFE_INTEGER }); // at the end
      }
      // What the request is now generated from; the test recorded is the one the user has, if edited.
      const recorded: CollectionNode = {
        ...node,
        scripts: { prerequest: '', test: before && current.scripts.test !== before.generated.test ? before.generated.test : generatedTest },
      };
      if (before && current.name !== before.generated.name) recorded.name = before.generated.name;
      if (before && current.description !== before.generated.description) recorded.description = before.generated.description;
      links.set(op.key, { key: op.key, itemId, snapshotJson: storedJson(doc, op, recorded) });
      result.changed++;
    }
    if (result.added + result.changed + result.removed > 0) syncCollectionSettings(workspace, collectionId, doc, name);
    // Operations gone from the spec whose request is gone too are forgotten.
    const inSpec = new Set([...operationsOf(doc)].map((op) => op.key));
    const pendingRemoval = new Set([...plan.removed.filter((i) => !wanted(i)).map((i) => i.entry.key), ...plan.changed.filter((i) => !wanted(i) && i.movedFrom).map((i) => i.movedFrom!)]);
    const kept: SpecOperationLink[] = [...links.values()].filter((l) => inSpec.has(l.key) || pendingRemoval.has(l.key));
    workspace.linkSpec(specId, collectionId, kept);
    return result;
  });
}

/**
 * The collection's own part of the spec: the auth of the document-wide security (when the spec has
 * one), and variables the spec now needs that the collection lacks (values the user set are kept):
 * baseUrl, auth secrets, and one per path parameter, valued as a fresh import values it.
 */
function syncCollectionSettings(workspace: Workspace, collectionId: string, doc: Record<string, unknown>, name: string): void {
  const { root } = importOpenApiValue({ ...doc, paths: parametersOnly(doc.paths) }, name);
  const collection = workspace.getItem(collectionId);
  const have = new Set((collection.variables ?? []).map((v) => v.key));
  const missing = (root.variables ?? []).filter((v) => !have.has(v.key));
  const auth = root.auth !== undefined && JSON.stringify(root.auth) !== JSON.stringify(collection.auth) ? root.auth : undefined;
  if (missing.length === 0 && auth === undefined) return;
  workspace.updateItem({
    id: collectionId,
    ...(missing.length > 0 ? { variables: [...(collection.variables ?? []), ...missing] } : {}),
    ...(auth ? { auth } : {}),
  });
}

/**
 * The paths with only what their parameters need (the operations' bodies and responses left out):
 * enough for the importer to value the path variables as it would for the whole document, and
 * cheap for a spec of a thousand operations.
 */
function parametersOnly(paths: unknown): Record<string, unknown> {
  if (!isObject(paths)) return {};
  const out: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    if (typeof item.$ref === 'string') {
      out[path] = item; // resolved by the importer, as in the whole document
      continue;
    }
    const kept: Record<string, unknown> = item.parameters === undefined ? {} : { parameters: item.parameters };
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op)) kept[method] = op.parameters === undefined ? {} : { parameters: op.parameters };
    }
    out[path] = kept;
  }
  return out;
}

/** Where the requests of each tag are now (the user may have renamed or moved their folder). */
function foldersOfTags(workspace: Workspace, links: Iterable<SpecOperationLink>): Map<string, string> {
  // Per tag, how many of its requests each folder holds: the one holding most is the tag's (a
  // request the user moved elsewhere does not carry its tag's folder with it).
  const counts = new Map<string, Map<string, number>>();
  const isFolder = new Map<string, boolean>();
  for (const link of links) {
    const tag = link.itemId === null ? undefined : readStored(link.snapshotJson)?.op.tag;
    if (!tag) continue;
    try {
      const parentId = workspace.getItem(link.itemId!).parentId;
      if (parentId === null) continue;
      if (!isFolder.has(parentId)) isFolder.set(parentId, workspace.getItem(parentId).kind === 'folder');
      if (!isFolder.get(parentId)) continue;
      const byFolder = counts.get(tag) ?? new Map<string, number>();
      byFolder.set(parentId, (byFolder.get(parentId) ?? 0) + 1);
      counts.set(tag, byFolder);
    } catch {
      // the request is gone: others of the tag may tell
    }
  }
  const folders = new Map<string, string>();
  for (const [tag, byFolder] of counts) folders.set(tag, [...byFolder].reduce((best, next) => (next[1] > best[1] ? next : best))[0]);
  return folders;
}

/** The folder of a tag directly under the collection, made (at the end) when it is missing. */
function folderFor(workspace: Workspace, collectionId: string, folder: CollectionNode): string {
  const existing = workspace.tree().find((n) => n.parentId === collectionId && n.kind === 'folder' && n.name === folder.name);
  if (existing) return existing.id;
  return workspace.createItem({ kind: 'folder', parentId: collectionId, name: folder.name, description: folder.description }).id;
}
