// import_openapi: an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML text) becomes a
// collection, through the same importer as the app and the CLI (formats/openapi): a folder per
// tag, {{baseUrl}} from the servers, path parameters as {{variables}}, example bodies from the
// schemas, auth from the security schemes. All of it is saved, or nothing.
import { z } from 'zod';
import { countKinds, saveCollectionTree } from '../../formats/item-tree.js';
import { importOpenApiText } from '../../formats/openapi/index.js';
import { defineTool } from './types.js';

export const importOpenapi = defineTool({
  name: 'import_openapi',
  description:
    'Import an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML text) as a new collection: a folder per tag, a request per operation, example bodies and auth from the spec. Answers the collection id, its counts and any warnings.',
  schema: z.object({ spec: z.string().min(10).max(20_000_000), name: z.string().trim().min(1).max(500).optional() }),
  effect: 'write',
  run: ({ spec, name }, { workspace, recorder }) => {
    const { root, warnings } = importOpenApiText(spec, 'The OpenAPI document', name);
    const saved = saveCollectionTree(workspace, root);
    recorder.created('collection', saved.id, saved.name);
    return { id: saved.id, name: saved.name, ...countKinds(root), ...(warnings.length > 0 ? { warnings } : {}) };
  },
  summarize: (_a, r) => `Imported OpenAPI as ${String(r.name)} (${String(r.requests)} requests)`,
});
