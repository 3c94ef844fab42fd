// Building collection trees in importers: nodes with fresh ids, and request names from URLs.
import { randomUUID } from 'node:crypto';
import type { Auth, RequestSpec, Variable } from '../../../shared/model.js';
import type { CollectionNode } from './item-tree.js';

const NAME_MAX = 500;

export function containerNode(kind: 'collection' | 'folder', name: string, extra: { description?: string; auth?: Auth; variables?: Variable[] } = {}): CollectionNode {
  return {
    id: randomUUID(),
    kind,
    name: name.trim().slice(0, NAME_MAX) || (kind === 'collection' ? 'Imported collection' : 'Folder'),
    description: extra.description ?? '',
    scripts: { prerequest: '', test: '' },
    ...(extra.auth ? { auth: extra.auth } : {}),
    ...(kind === 'collection' && extra.variables ? { variables: extra.variables } : {}),
    children: [],
  };
}

export function requestNode(request: RequestSpec, name = requestName(request), description = ''): CollectionNode {
  return {
    id: randomUUID(),
    kind: 'request',
    name: name.trim().slice(0, NAME_MAX) || requestName(request),
    description,
    scripts: { prerequest: '', test: '' },
    request,
    children: [],
  };
}

/** "GET /users/1" from a request's method and URL path (the URL itself when it does not parse). */
export function requestName(request: Pick<RequestSpec, 'method' | 'url'>): string {
  let where = request.url;
  try {
    where = new URL(request.url).pathname;
  } catch {
    // a URL with {{variables}} or no scheme: the URL itself names it
  }
  return `${request.method} ${where}`.slice(0, NAME_MAX);
}

/** A file name without folders and extensions: "api.har" → "api". */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '') || fileName;
}
