// A spec → a new collection linked to it: the OpenAPI importer builds the requests (one per
// operation, a folder per tag), each gets a test script when asked, and the collection, its link
// and every operation's snapshot are saved in one transaction. An invalid spec is refused first.
import { AppError } from '../../../shared/errors.js';
import { importOpenApiValue } from '../formats/openapi/index.js';
import { isObject } from '../formats/openapi/pointer.js';
import { saveCollectionTree, type CollectionNode } from '../formats/item-tree.js';
import type { SpecOperationLink, Workspace } from '../store/workspace.js';
import { operationsOf, tagOf, type OperationRef } from './operations.js';
import { snapshotOf, type StoredOperation } from './snapshot.js';
import { validSpecDocument } from './spec-document.js';
import { testScript } from './test-script.js';

export interface GenerateOptions {
  /** A test script per request (expected status and response schema). Default true. */
  withTests?: boolean;
}

export function generateCollectionFromSpec(
  workspace: Workspace,
  specId: string,
  options: GenerateOptions = {},
): { collectionId: string; requests: number } {
  const withTests = options.withTests ?? true;
  const { spec, doc } = validSpecDocument(workspace, specId, 'generate a collection from it');
  const { root } = importOpenApiValue(doc, spec.name);
  const pairs = pairRequests(doc, root, [...operationsOf(doc)]);
  for (const [node, op] of pairs) node.scripts = { ...node.scripts, test: withTests ? testScript(doc, op.key, op.operation) : '' };
  return workspace.transaction(() => {
    const { id: collectionId } = saveCollectionTree(workspace, root);
    const ids = savedIds(workspace, root, collectionId);
    const links: SpecOperationLink[] = pairs.map(([node, op]) => ({
      key: op.key,
      itemId: ids.get(node) ?? null,
      snapshotJson: storedJson(doc, op, node),
    }));
    workspace.linkSpec(spec.id, collectionId, links);
    return { collectionId, requests: pairs.length };
  });
}

/** The JSON kept per operation: its snapshot and what was generated from it. */
export function storedJson(doc: unknown, op: OperationRef, node: CollectionNode): string {
  const stored: StoredOperation = {
    op: snapshotOf(doc, op),
    generated: { name: node.name, description: node.description, test: node.scripts.test, ...(node.request ? { url: node.request.url } : {}) },
  };
  return JSON.stringify(stored);
}

/**
 * Each request node of the imported tree with the operation it was built from. The importer files
 * operations in document order into a folder per first tag (folders in the order of `tags`, then
 * of first use; empty ones dropped), untagged ones after the folders; this follows the same order.
 */
function pairRequests(doc: Record<string, unknown>, root: CollectionNode, ops: OperationRef[]): [CollectionNode, OperationRef][] {
  const byTag = new Map<string, OperationRef[]>();
  if (Array.isArray(doc.tags)) for (const t of doc.tags) if (isObject(t) && typeof t.name === 'string' && !byTag.has(t.name)) byTag.set(t.name, []);
  const loose: OperationRef[] = [];
  for (const op of ops) {
    const tag = tagOf(op);
    if (tag === undefined) loose.push(op);
    else if (byTag.has(tag)) byTag.get(tag)!.push(op);
    else byTag.set(tag, [op]);
  }
  const groups = [...[...byTag.values()].filter((g) => g.length > 0).map((g) => ({ folder: true, ops: g })), ...loose.map((op) => ({ folder: false, ops: [op] }))];
  const pairs: [CollectionNode, OperationRef][] = [];
  const mismatch = () => new AppError('INTERNAL', 'The collection built from the spec does not line up with its operations; nothing was created.');
  if (groups.length !== root.children.length) throw mismatch();
  groups.forEach((group, i) => {
    const child = root.children[i];
    const requests = group.folder ? child.children : [child];
    if (requests.length !== group.ops.length) throw mismatch();
    requests.forEach((node, j) => {
      if (node.kind !== 'request' || node.request?.method !== group.ops[j].method) throw mismatch();
      pairs.push([node, group.ops[j]]);
    });
  });
  return pairs;
}

/** The workspace id each node of a just-saved tree got (the store keeps children in tree order). */
function savedIds(workspace: Workspace, root: CollectionNode, collectionId: string): Map<CollectionNode, string> {
  const children = new Map<string, string[]>();
  for (const n of workspace.tree()) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId);
    if (list) list.push(n.id);
    else children.set(n.parentId, [n.id]);
  }
  const ids = new Map<CollectionNode, string>();
  const walk = (node: CollectionNode, id: string) => {
    ids.set(node, id);
    const saved = children.get(id) ?? [];
    node.children.forEach((child, i) => saved[i] !== undefined && walk(child, saved[i]));
  };
  walk(root, collectionId);
  return ids;
}
