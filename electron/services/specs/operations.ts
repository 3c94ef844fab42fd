// The operations of an OpenAPI 3 document (`paths` × HTTP methods), each with its key
// (`GET /pets/{petId}`), in the order the OpenAPI importer turns them into requests (a path item
// given as a local $ref is followed, as the importer does).
import { HTTP_METHODS } from '../formats/openapi/build-collection.js';
import { isObject, pointerTokens } from '../formats/openapi/pointer.js';
import { valueAt } from './where.js';

export interface OperationRef {
  /** `METHOD /path`, e.g. `GET /pets/{petId}`. */
  key: string;
  method: string;
  path: string;
  operation: Record<string, unknown>;
  /** The path item (its shared parameters). */
  pathItem: Record<string, unknown>;
  /** Where the operation is written: ['paths', path, method]. */
  tokens: string[];
}

export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function pathItemOf(doc: unknown, raw: unknown): Record<string, unknown> | undefined {
  let item = raw;
  for (let hops = 0; hops < 8 && isObject(item) && typeof item.$ref === 'string'; hops++) {
    const tokens = pointerTokens(item.$ref);
    item = tokens === undefined ? undefined : valueAt(doc, tokens);
  }
  return isObject(item) ? item : undefined;
}

/** Every operation of the document, in the importer's order. */
export function* operationsOf(doc: unknown): Generator<OperationRef> {
  if (!isObject(doc) || !isObject(doc.paths)) return;
  for (const [path, raw] of Object.entries(doc.paths)) {
    if (path.startsWith('x-')) continue;
    const pathItem = pathItemOf(doc, raw);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      yield { key: operationKey(method, path), method: method.toUpperCase(), path, operation, pathItem, tokens: ['paths', path, method] };
    }
  }
}

/** The tag an operation's request is filed under (its first), or undefined for the collection's top level. */
export const tagOf = (op: OperationRef): string | undefined =>
  Array.isArray(op.operation.tags) && typeof op.operation.tags[0] === 'string' ? op.operation.tags[0] : undefined;
