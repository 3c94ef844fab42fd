// What a mock serves, read NOW (a snapshot): a spec of the workspace, a collection of the
// workspace, or (for the CLI) a collection tree read from a file. A spec that cannot be served
// or a collection without examples is refused here, before anything listens.
import type { MockSource } from '../../../shared/contract-design.js';
import { badInput } from '../../../shared/errors.js';
import { requestsIn, type CollectionNode } from '../formats/item-tree.js';
import type { Workspace } from '../store/workspace.js';
import { createCollectionMock, type MockExample } from './collection-mock.js';
import { createSpecMock } from './spec-mock.js';
import type { MockEngine } from './types.js';

/** The examples of a workspace collection, in the order the sidebar shows its requests. */
export function workspaceCollectionExamples(workspace: Workspace, collectionId: string): { name: string; examples: MockExample[] } {
  const root = workspace.getItem(collectionId);
  if (root.kind !== 'collection') throw badInput(`"${root.name}" is a ${root.kind}, not a collection`);
  const childrenOf = new Map<string, string[]>();
  for (const node of workspace.tree()) {
    if (node.parentId === null) continue;
    childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node.id]);
  }
  const examples: MockExample[] = [];
  const walk = (id: string) => {
    for (const child of childrenOf.get(id) ?? []) {
      const item = workspace.getItem(child);
      if (item.kind === 'request' && item.request) {
        for (const e of workspace.listExamples(item.id)) examples.push({ name: e.name, status: e.status, headers: e.headers, body: e.body, request: e.request ?? item.request });
      }
      walk(child);
    }
  };
  walk(root.id);
  return { name: root.name, examples };
}

/** The examples of a collection read from a file (an import's tree; examples may carry their original request). */
export function treeExamples(root: CollectionNode): MockExample[] {
  const out: MockExample[] = [];
  for (const { request } of requestsIn(root)) {
    if (!request.request) continue;
    for (const e of request.examples ?? []) {
      out.push({ name: e.name, status: e.status, headers: e.headers, body: e.body, request: e.request ?? request.request });
    }
  }
  return out;
}

export function engineForSource(workspace: Workspace, source: MockSource, options: { validateRequests: boolean }): MockEngine {
  if (source.kind === 'spec') {
    const spec = workspace.getSpec(source.specId);
    return createSpecMock(spec.text, spec.name, options);
  }
  const { name, examples } = workspaceCollectionExamples(workspace, source.collectionId);
  return createCollectionMock(name, examples);
}
