// Every import format, in the order detection tries them (see importer.ts for how to add one).
import type { Importer } from './importer.js';
import { curlImporter } from './curl/importer.js';
import { harImporter } from './har/importer.js';
import { insomniaImporter } from './insomnia/importer.js';
import { postmanImporter } from './postman/format.js';

export const IMPORTERS: Importer[] = [postmanImporter, harImporter, insomniaImporter, curlImporter];
