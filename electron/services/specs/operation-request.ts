// One operation as the request the OpenAPI importer makes of it (the same importer as a whole
// collection: the document with only that operation under `paths`), and how a changed operation's
// new request is merged into the one the user has been working with.
import type { KeyValue, RequestSpec } from '../../../shared/model.js';
import { withQuery } from '../../../shared/url.js';
import { requestsIn, type CollectionNode } from '../formats/item-tree.js';
import { importOpenApiValue } from '../formats/openapi/index.js';
import type { OperationRef } from './operations.js';
import type { OperationSnapshot } from './snapshot.js';

export interface OperationRequest {
  node: CollectionNode;
  /** The tag folder it belongs in (name and description as the importer makes it), if any. */
  folder?: CollectionNode;
}

export const withoutQuery = (url: string) => url.replace(/\?.*$/s, '');

export function operationRequest(doc: Record<string, unknown>, op: OperationRef, name: string): OperationRequest {
  const pathItem = op.pathItem.parameters === undefined ? {} : { parameters: op.pathItem.parameters };
  const single = { ...doc, paths: { [op.path]: { ...pathItem, [op.method.toLowerCase()]: op.operation } } };
  const { root } = importOpenApiValue(single, name);
  const first = requestsIn(root).next();
  if (first.done) throw new Error(`${op.key} made no request`);
  const { request: node, parents } = first.value;
  const folder = parents.find((p) => p.kind === 'folder');
  return folder ? { node, folder } : { node };
}

/**
 * The request after its operation changed: method, URL, parameters, headers and auth as the spec
 * now says; the values the user typed into parameters and headers that still exist are kept, and
 * so are rows the user added; the body is kept unless the spec's request body changed, and the
 * URL's host and path when the user edited them (`keepUrl`).
 */
export function mergeRequest(current: RequestSpec, generated: RequestSpec, before: OperationSnapshot | undefined, bodyChanged: boolean, keepUrl = false): RequestSpec {
  const fromSpec = (where: string) => new Set((before?.parameters ?? []).filter((p) => p.in === where).map((p) => p.name.toLowerCase()));
  const merge = (mine: KeyValue[], theirs: KeyValue[], where: string): KeyValue[] => {
    const specRows = fromSpec(where);
    if (where === 'header') specRows.add('content-type');
    const mineByKey = new Map(mine.map((r) => [r.key.toLowerCase(), r]));
    const rows = theirs.map((r) => {
      const kept = mineByKey.get(r.key.toLowerCase());
      return kept ? { ...r, value: kept.value, enabled: kept.enabled } : r;
    });
    const theirKeys = new Set(theirs.map((r) => r.key.toLowerCase()));
    const userRows = mine.filter((r) => !theirKeys.has(r.key.toLowerCase()) && !specRows.has(r.key.toLowerCase()));
    return [...rows, ...userRows];
  };
  const params = merge(current.params, generated.params, 'query');
  return {
    ...current,
    method: generated.method,
    url: withQuery(withoutQuery(keepUrl ? current.url : generated.url), params),
    params,
    headers: merge(current.headers, generated.headers, 'header'),
    body: bodyChanged ? generated.body : current.body,
    auth: generated.auth,
  };
}
