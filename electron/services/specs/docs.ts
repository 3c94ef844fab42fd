// The Docs view's preview of a spec: the collection the importer would make of it, rendered as the
// Docs view renders a collection. Built in memory; nothing is saved. Its ids follow the place in
// the tree (`spec-0-2`), so the preview keeps its anchors and scroll position while the user types.
import type { DocsNode } from '../../../shared/contract-docs.js';
import { toDocsNode } from '../formats/docs/docs-tree.js';
import type { CollectionNode } from '../formats/item-tree.js';
import { importOpenApiValue } from '../formats/openapi/index.js';
import type { Workspace } from '../store/workspace.js';
import { validSpecDocument } from './spec-document.js';

function withPlaceIds(node: CollectionNode, id = 'spec'): CollectionNode {
  return { ...node, id, children: node.children.map((child, i) => withPlaceIds(child, `${id}-${i}`)) };
}

export function specDocs(workspace: Workspace, specId: string): DocsNode {
  const { spec, doc } = validSpecDocument(workspace, specId, 'preview it');
  return toDocsNode(withPlaceIds(importOpenApiValue(doc, spec.name).root));
}
