// A collection as documentation reads it: the tree with each request's cURL command and examples,
// plus the helpers both exporters (Markdown, HTML) share: walking it in reading order and the
// parts of a request worth listing.
import type { DocsNode } from '../../../../shared/contract-docs.js';
import type { KeyValue, RequestSpec } from '../../../../shared/model.js';
import type { CollectionNode } from '../item-tree.js';
import { requestSnippet } from '../snippets/snippet.js';

/** The request as a cURL command (httpsnippet), variables kept as `{{name}}`. */
function curlOf(spec: RequestSpec): string {
  try {
    return requestSnippet(spec, 'curl');
  } catch (err) {
    return `# ${(err as Error).message}`;
  }
}

export function toDocsNode(node: CollectionNode): DocsNode {
  const body = node.request ? bodyText(node.request) : undefined;
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    description: node.description,
    ...(node.request ? { request: node.request, curl: curlOf(node.request) } : {}),
    ...(body ? { body } : {}),
    examples: node.examples ?? [],
    children: node.children.map(toDocsNode),
  };
}

/** Every folder and request under the collection, in the order the sidebar shows them, with its depth (1 = top). */
export function* sections(root: DocsNode, depth = 1): Generator<{ node: DocsNode; depth: number }> {
  for (const child of root.children) {
    yield { node: child, depth };
    yield* sections(child, depth + 1);
  }
}

/** A stable anchor for an item: its id, kept to characters every format accepts. */
export const anchorOf = (node: DocsNode) => `item-${node.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The enabled rows with a key, as the request would send them. */
export const sentRows = (rows: KeyValue[]) => rows.filter((r) => r.enabled !== false && r.key !== '');

/** The body as text to show, with the language for highlighting; undefined when there is none. */
export function bodyText(spec: RequestSpec): { language: string; text: string } | undefined {
  const body = spec.body;
  switch (body.mode) {
    case 'raw':
      return body.raw === '' ? undefined : { language: body.language, text: body.raw };
    case 'urlencoded':
      return { language: 'text', text: sentRows(body.urlencoded).map((r) => `${r.key}=${r.value}`).join('&') };
    case 'formdata':
      return {
        language: 'text',
        text: body.formdata
          .filter((f) => f.enabled !== false)
          .map((f) => `${f.key}: ${f.type === 'file' ? `<file ${f.fileName ?? f.filePath ?? ''}>` : f.value}`)
          .join('\n'),
      };
    case 'binary':
      return { language: 'text', text: `<file ${body.fileName ?? body.filePath}>` };
    default:
      return undefined;
  }
}
