// Postman files: which kind a file is (collection, environment, globals), and the import and
// export of each. import-*.ts read Postman files; export-*.ts write them.
import { badInput } from '../../../../shared/errors.js';
import { importPostmanCollection, type CollectionImport } from './import-collection.js';
import { importPostmanVariables, type VariableFileImport } from './import-environment.js';

export { exportPostmanCollection, SCHEMA_V21 } from './export-collection.js';
export { exportPostmanVariables } from './export-environment.js';
export { importPostmanCollection } from './import-collection.js';
export { importPostmanVariables } from './import-environment.js';

export type PostmanImport = ({ kind: 'collection' } & CollectionImport) | ({ kind: 'variables' } & VariableFileImport);

export function isPostmanFile(json: unknown): boolean {
  return json !== null && typeof json === 'object' && ('info' in json || 'item' in json || 'values' in json || ('requests' in json && 'order' in json));
}

/** Reads any Postman file: a collection (v2.0/v2.1), an environment or a globals file. */
export function importPostmanFile(json: unknown, what: string): PostmanImport {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw badInput(`${what}: expected a JSON object (a Postman collection, environment or globals file)`);
  }
  if ('values' in json && !('item' in json)) return { kind: 'variables', ...importPostmanVariables(json, what) };
  if (!isPostmanFile(json)) {
    throw badInput(`${what} is not a Postman collection, environment or globals file (it has no "info", "item" or "values")`);
  }
  return { kind: 'collection', ...importPostmanCollection(json, what) };
}
