// The Docs view's preview of a spec: the collection the importer would make of it, rendered as the
// Docs view renders a collection. Built in memory; nothing is saved.
import type { DocsNode } from '../../../shared/contract-docs.js';
import { toDocsNode } from '../formats/docs/docs-tree.js';
import { importOpenApiValue } from '../formats/openapi/index.js';
import type { Workspace } from '../store/workspace.js';
import { validSpecDocument } from './spec-document.js';

export function specDocs(workspace: Workspace, specId: string): DocsNode {
  const { spec, doc } = validSpecDocument(workspace, specId, 'preview it');
  return toDocsNode(importOpenApiValue(doc, spec.name).root);
}
