// Every import format, in the order detection tries them (see importer.ts for how to add one).
// OpenAPI first: a Swagger file has an `info` object, which Postman detection would also claim.
import type { Importer } from './importer.js';
import { curlImporter } from './curl/importer.js';
import { harImporter } from './har/importer.js';
import { insomniaImporter } from './insomnia/importer.js';
import { openapiImporter } from './openapi/format.js';
import { postmanImporter } from './postman/format.js';

export const IMPORTERS: Importer[] = [openapiImporter, postmanImporter, harImporter, insomniaImporter, curlImporter];
