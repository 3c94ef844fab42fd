// Every collection export format (see importer.ts for how to add one).
import { htmlExporter } from './docs/html.js';
import { markdownExporter } from './docs/markdown.js';
import type { Exporter } from './importer.js';
import { openapiExporter, openapiYamlExporter } from './openapi/format.js';
import { postmanExporter } from './postman/format.js';

export const EXPORTERS: Exporter[] = [postmanExporter, openapiExporter, openapiYamlExporter, markdownExporter, htmlExporter];
