// import_openapi: an OpenAPI 3 document (JSON or YAML) becomes a collection: one folder per tag,
// one request per operation, {{baseUrl}} from the first server, path parameters as {{variables}},
// a JSON example body where the spec gives one. A thin importer: no $ref resolution beyond
// components/schemas examples, no security schemes.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import { defaultRequest, type Body } from '../../../../shared/model.js';
import { defineTool } from './types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  summary?: string;
  operationId?: string;
  description?: string;
  tags?: string[];
  parameters?: { name?: string; in?: string; example?: unknown; required?: boolean }[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
}

interface OpenApiDoc {
  openapi?: string;
  info?: { title?: string; description?: string };
  servers?: { url?: string }[];
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}

export function readOpenApi(text: string): OpenApiDoc {
  let doc: unknown;
  try {
    doc = /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new AppError('BAD_INPUT', `The OpenAPI document is neither valid JSON nor YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!doc || typeof doc !== 'object' || typeof (doc as OpenApiDoc).openapi !== 'string' || !String((doc as OpenApiDoc).openapi).startsWith('3')) {
    throw new AppError('BAD_INPUT', 'Only OpenAPI 3 documents can be imported (the document has no "openapi: 3.x" field)');
  }
  return doc as OpenApiDoc;
}

export const importOpenapi = defineTool({
  name: 'import_openapi',
  description: 'Import an OpenAPI 3 document (JSON or YAML text) as a new collection: a folder per tag, a request per operation. Answers the collection id.',
  schema: z.object({ spec: z.string().min(10).max(20_000_000), name: z.string().trim().min(1).max(500).optional() }),
  effect: 'write',
  run: ({ spec, name }, { workspace, recorder }) => {
    const doc = readOpenApi(spec);
    const baseUrl = doc.servers?.[0]?.url ?? '';
    return workspace.transaction(() => {
      const collection = workspace.createItem({
        kind: 'collection',
        parentId: null,
        name: name ?? doc.info?.title ?? 'Imported API',
        description: doc.info?.description ?? '',
        variables: baseUrl ? [{ key: 'baseUrl', value: baseUrl, enabled: true, secret: false }] : [],
      });
      recorder.created('collection', collection.id, collection.name);
      const folders = new Map<string, string>();
      let requests = 0;
      for (const [path, ops] of Object.entries(doc.paths ?? {})) {
        for (const method of METHODS) {
          const op = ops?.[method];
          if (!op) continue;
          const tag = op.tags?.[0];
          let parentId = collection.id;
          if (tag) {
            if (!folders.has(tag)) folders.set(tag, workspace.createItem({ kind: 'folder', parentId: collection.id, name: tag }).id);
            parentId = folders.get(tag) as string;
          }
          const query = (op.parameters ?? []).filter((p) => p.in === 'query' && p.name).map((p) => ({ key: p.name as string, value: p.example === undefined ? '' : String(p.example), enabled: p.required === true }));
          const headers = (op.parameters ?? []).filter((p) => p.in === 'header' && p.name).map((p) => ({ key: p.name as string, value: p.example === undefined ? '' : String(p.example), enabled: true }));
          const json = op.requestBody?.content?.['application/json'];
          const body: Body = json ? { mode: 'raw', language: 'json', raw: json.example === undefined ? '{}' : JSON.stringify(json.example, null, 2) } : { mode: 'none' };
          if (json) headers.push({ key: 'Content-Type', value: 'application/json', enabled: true });
          const url = `${baseUrl ? '{{baseUrl}}' : ''}${path.replace(/\{([^}]+)\}/g, '{{$1}}')}`;
          const request = defaultRequest({ method: method.toUpperCase(), url, params: query, headers, body });
          workspace.createItem({ kind: 'request', parentId, name: op.summary ?? op.operationId ?? `${method.toUpperCase()} ${path}`, request, description: op.description ?? '' });
          requests++;
        }
      }
      return { id: collection.id, name: collection.name, folders: folders.size, requests };
    });
  },
  summarize: (_a, r) => `Imported OpenAPI as ${String(r.name)} (${String(r.requests)} requests)`,
});
