// OpenAPI as a format of the registry: OpenAPI 3.0/3.1 and Swagger 2.0 (JSON or YAML) in;
// OpenAPI 3.1 out, as JSON (`openapi`) or YAML (`openapi-yaml`).
import type { Exporter, Importer } from '../importer.js';
import { emptyParts, safeFileName } from '../importer.js';
import { exportOpenApi, importOpenApiText, looksLikeOpenApiText } from './index.js';

export const openapiImporter: Importer = {
  id: 'openapi',
  label: 'OpenAPI 3.0/3.1 and Swagger 2.0 (JSON or YAML)',
  detect: (text) => looksLikeOpenApiText(text),
  parse(text, fileName) {
    const { root, warnings } = importOpenApiText(text, fileName);
    const parts = emptyParts();
    parts.collections.push(root);
    parts.warnings.push(...warnings);
    return parts;
  },
};

export const openapiExporter: Exporter = {
  id: 'openapi',
  label: 'OpenAPI 3.1 (JSON)',
  exportCollection: (tree) => ({ text: exportOpenApi(tree, 'json'), fileName: `${safeFileName(tree.name)}.openapi.json` }),
};

export const openapiYamlExporter: Exporter = {
  id: 'openapi-yaml',
  label: 'OpenAPI 3.1 (YAML)',
  exportCollection: (tree) => ({ text: exportOpenApi(tree, 'yaml'), fileName: `${safeFileName(tree.name)}.openapi.yaml` }),
};
