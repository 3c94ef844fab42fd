// Saved example responses per request, and a collection as the Docs view reads it.
import type { Handlers } from '../../../shared/contract.js';
import { toDocsNode } from '../formats/docs/docs-tree.js';
import { loadCollectionTree } from '../formats/item-tree.js';
import type { HandlerContext } from './context.js';

type DocsHandlers = Pick<Handlers, 'examples.list' | 'examples.create' | 'examples.rename' | 'examples.delete' | 'docs.collection'>;

export function docsHandlers({ workspace }: HandlerContext): DocsHandlers {
  return {
    'examples.list': async ({ requestId }) => ({ examples: workspace.listExamples(requestId) }),
    'examples.create': async ({ requestId, ...example }) => workspace.createExample(requestId, example),
    'examples.rename': async ({ id, name }) => workspace.renameExample(id, name),
    'examples.delete': async ({ id }) => {
      workspace.deleteExample(id);
      return { ok: true as const };
    },
    'docs.collection': async ({ collectionId }) => toDocsNode(loadCollectionTree(workspace, workspace.getItem(collectionId).collectionId)),
  };
}
