// Every collection export format (see importer.ts for how to add one).
import type { Exporter } from './importer.js';
import { postmanExporter } from './postman/format.js';

export const EXPORTERS: Exporter[] = [postmanExporter];
