// OpenAPI 3.0 / 3.1 and Swagger 2.0 import (JSON or YAML), and OpenAPI 3.1 export.
import { AppError, badInput } from '../../../../shared/errors.js';
import type { CollectionNode } from '../item-tree.js';
import { tryJson } from '../json-text.js';
import { buildCollection } from './build-collection.js';
import { parseSpecText } from './parse.js';
import { isObject } from './pointer.js';
import { Resolver } from './resolver.js';
import { swagger2ToOpenApi3 } from './swagger2.js';

export { exportOpenApi } from './export.js';

/** Whether a parsed file looks like an OpenAPI or Swagger document (for format detection). */
export function isOpenApiDocument(value: unknown): boolean {
  return isObject(value) && ((typeof value.openapi === 'string' && value.openapi.startsWith('3')) || value.swagger === '2.0');
}

/** Detection: JSON with a top-level `openapi: 3.x` or `swagger: "2.0"`, or YAML with such a top-level key. */
export function looksLikeOpenApiText(text: string): boolean {
  if (/^\uFEFF?\s*\{/.test(text)) return isOpenApiDocument(tryJson(text));
  return /^["']?(openapi|swagger)["']?\s*:/m.test(text.slice(0, 65_536));
}

export interface OpenApiImport {
  root: CollectionNode;
  warnings: string[];
}

/** The document's text → a collection tree (nothing saved); errors name the problem and the place. */
export function importOpenApiText(text: string, name: string, collectionName?: string): OpenApiImport {
  return importOpenApiValue(parseSpecText(text, name), name, collectionName);
}

export function importOpenApiValue(doc: unknown, name: string, collectionName?: string): OpenApiImport {
  if (!isObject(doc)) throw badInput(`${name}: Only OpenAPI 3.0/3.1 and Swagger 2.0 documents can be imported; this is not an object (at #)`);
  const version = typeof doc.openapi === 'string' ? doc.openapi : doc.swagger === '2.0' ? '2.0' : undefined;
  if (version === undefined || (version !== '2.0' && !/^3\.[01](\.|$)/.test(version))) {
    throw badInput(`${name}: Only OpenAPI 3.0/3.1 and Swagger 2.0 documents can be imported (at #/openapi: ${JSON.stringify(doc.openapi ?? doc.swagger ?? null)})`);
  }
  if (!isObject(doc.info)) throw badInput(`${name}: Only OpenAPI 3.0/3.1 and Swagger 2.0 documents can be imported; this one has no "info" object (at #/info)`);
  const resolver = new Resolver(doc);
  try {
    const normalised = version === '2.0' ? swagger2ToOpenApi3(doc, resolver) : doc;
    const root = buildCollection(normalised, resolver, collectionName);
    return { root, warnings: resolver.warnings };
  } catch (err) {
    if (err instanceof AppError) throw badInput(`${name}: ${err.message}`);
    if (err instanceof RangeError) throw badInput(`${name}: the document is nested too deeply to import (${err.message})`);
    throw err;
  }
}
