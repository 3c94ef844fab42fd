// A collection as a tree of items, independent of where it lives: what an import produces before it
// is saved, what an export writes out, and what the collection runner walks. A collection in the
// workspace and a collection file on disk both become one of these.
import type { Auth, Example, ItemKind, Preserved, RequestSpec, Scripts, Variable } from '../../../shared/model.js';
import { AppError } from '../../../shared/errors.js';
import type { Workspace } from '../store/workspace.js';

/**
 * A saved example response as a file carries it (no workspace id), with the request it answers
 * when it has its own (Postman's `originalRequest`); absent: the request it belongs to.
 */
export type ExampleData = Pick<Example, 'name' | 'status' | 'statusText' | 'headers' | 'body'> & { request?: RequestSpec };

export interface CollectionNode {
  /** The workspace id, or for a file the item's own id (Postman `id`), else a generated one. */
  id: string;
  kind: ItemKind;
  name: string;
  description: string;
  scripts: Scripts;
  /** Requests only. */
  request?: RequestSpec;
  /** Requests only: saved example responses. */
  examples?: ExampleData[];
  /** Collections and folders: the auth their requests inherit. */
  auth?: Auth;
  /** Collections only. */
  variables?: Variable[];
  preserved?: Preserved;
  children: CollectionNode[];
}

/** Every request under `node`, depth first in the order the tree shows them, with its folders. */
export function* requestsIn(
  node: CollectionNode,
  parents: CollectionNode[] = [],
): Generator<{ request: CollectionNode; parents: CollectionNode[] }> {
  if (node.kind === 'request') {
    yield { request: node, parents };
    return;
  }
  for (const child of node.children) yield* requestsIn(child, [...parents, node]);
}

export function countKinds(node: CollectionNode): { folders: number; requests: number } {
  let folders = 0;
  let requests = 0;
  const walk = (n: CollectionNode) => {
    if (n.kind === 'folder') folders++;
    if (n.kind === 'request') requests++;
    n.children.forEach(walk);
  };
  walk(node);
  return { folders, requests };
}

/** Reads a whole collection (or the collection an item is in) from the workspace. */
export function loadCollectionTree(workspace: Workspace, collectionId: string): CollectionNode {
  const root = workspace.getItem(collectionId);
  if (root.kind !== 'collection') {
    throw new AppError('BAD_INPUT', `"${root.name}" is a ${root.kind}, not a collection`);
  }
  const childrenOf = new Map<string, string[]>();
  for (const node of workspace.tree()) {
    if (node.parentId === null) continue;
    const list = childrenOf.get(node.parentId) ?? [];
    list.push(node.id);
    childrenOf.set(node.parentId, list);
  }
  const build = (id: string): CollectionNode => {
    const item = workspace.getItem(id);
    const node: CollectionNode = {
      id: item.id,
      kind: item.kind,
      name: item.name,
      description: item.description,
      scripts: item.scripts,
      children: (childrenOf.get(id) ?? []).map(build),
    };
    if (item.request) node.request = item.request;
    if (item.kind === 'request') {
      node.examples = workspace
        .listExamples(item.id)
        .map(({ name, status, statusText, headers, body, request }) => ({ name, status, statusText, headers, body, ...(request ? { request } : {}) }));
    }
    if (item.auth) node.auth = item.auth;
    if (item.variables) node.variables = item.variables;
    if (item.preserved) node.preserved = item.preserved;
    return node;
  };
  return build(root.id);
}

/** Saves a tree as a new collection in one transaction: all of it, or (on any error) none of it. */
export function saveCollectionTree(workspace: Workspace, root: CollectionNode): { id: string; name: string } {
  return workspace.transaction(() => {
    const save = (node: CollectionNode, parentId: string | null): string => {
      const item = workspace.createItem({
        kind: node.kind,
        parentId,
        name: node.name,
        description: node.description,
        scripts: node.scripts,
        ...(node.request ? { request: node.request } : {}),
        ...(node.auth && node.kind !== 'request' ? { auth: node.auth } : {}),
        ...(node.variables && node.kind === 'collection' ? { variables: node.variables } : {}),
        ...(node.preserved ? { preserved: node.preserved } : {}),
      });
      for (const example of node.kind === 'request' ? (node.examples ?? []) : []) {
        // Files may carry an example without a name (the store requires one): name it by its status.
        const name = example.name.trim() || (example.status > 0 ? `${example.status} ${example.statusText}`.trim() : 'Example');
        workspace.createExample(item.id, { ...example, name });
      }
      for (const child of node.children) save(child, item.id);
      return item.id;
    };
    return { id: save(root, null), name: root.name };
  });
}
