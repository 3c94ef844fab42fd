// The operations of an OpenAPI 3 document (`paths` × HTTP methods), each with its key
// (`GET /pets/{petId}`), as validation, generation, drift and sync walk them.
import { HTTP_METHODS } from '../formats/openapi/build-collection.js';
import { isObject } from '../formats/openapi/pointer.js';

export interface OperationRef {
  /** `METHOD /path`, e.g. `GET /pets/{petId}`. */
  key: string;
  method: string;
  path: string;
  operation: Record<string, unknown>;
  /** The path item (its shared parameters). */
  pathItem: Record<string, unknown>;
  /** Where the operation is: ['paths', path, method]. */
  tokens: string[];
}

export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Every operation written in the document (a path item given as a $ref is not followed here). */
export function* operationsOf(doc: unknown): Generator<OperationRef> {
  if (!isObject(doc) || !isObject(doc.paths)) return;
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    if (!isObject(pathItem) || path.startsWith('x-')) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      yield { key: operationKey(method, path), method: method.toUpperCase(), path, operation, pathItem, tokens: ['paths', path, method] };
    }
  }
}
