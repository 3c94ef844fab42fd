// The test script generated for an operation: its expected status (the first 2xx response the spec
// lists) and, when that response has a JSON schema, that the body matches it.
import { isObject } from '../formats/openapi/pointer.js';
import { toJsonSchema } from './resolve.js';
import { valueAt } from './where.js';
import { pointerTokens } from '../formats/openapi/pointer.js';

/** A schema longer than this (as JSON) is not written into a script; the status test stays. */
const MAX_SCHEMA_CHARS = 100_000;

/** The first success response: the lowest 2xx code, else 2XX. */
function successResponse(doc: unknown, responses: unknown): { code: string; response: Record<string, unknown> } | undefined {
  if (!isObject(responses)) return undefined;
  const codes = Object.keys(responses)
    .filter((c) => /^2(\d\d|XX)$/i.test(c))
    .sort((a, b) => (a.toUpperCase() === '2XX' ? 1 : b.toUpperCase() === '2XX' ? -1 : Number(a) - Number(b)));
  const code = codes[0];
  if (code === undefined) return undefined;
  let response: unknown = responses[code];
  for (let hops = 0; hops < 8 && isObject(response) && typeof response.$ref === 'string'; hops++) {
    const tokens = pointerTokens(response.$ref);
    response = tokens === undefined ? undefined : valueAt(doc, tokens);
  }
  return isObject(response) ? { code, response } : { code, response: {} };
}

function jsonSchemaOf(response: Record<string, unknown>): unknown {
  if (!isObject(response.content)) return undefined;
  const type = Object.keys(response.content).find((t) => /^application\/(.+\+)?json/i.test(t));
  const media = type === undefined ? undefined : response.content[type];
  return isObject(media) && media.schema !== undefined ? media.schema : undefined;
}

/** The script text ('' when the operation lists no success response). */
export function testScript(doc: unknown, key: string, operation: Record<string, unknown>): string {
  const success = successResponse(doc, operation.responses);
  if (!success) return '';
  const { code, response } = success;
  const lines: string[] = [];
  if (/^\d+$/.test(code)) {
    lines.push(`pm.test(${JSON.stringify(`${key} answers ${code}`)}, function () {`, `  pm.response.to.have.status(${code});`, '});');
  } else {
    lines.push(`pm.test(${JSON.stringify(`${key} answers 2xx`)}, function () {`, '  pm.expect(pm.response.code).to.be.within(200, 299);', '});');
  }
  const schema = jsonSchemaOf(response);
  if (schema !== undefined) {
    const json = JSON.stringify(toJsonSchema(doc, schema), null, 2);
    if (json.length <= MAX_SCHEMA_CHARS) {
      lines.push(
        '',
        `pm.test(${JSON.stringify(`${key} body matches the spec's schema`)}, function () {`,
        `  pm.response.to.have.jsonSchema(${json.replace(/\n/g, '\n  ')});`,
        '});',
      );
    }
  }
  return lines.join('\n') + '\n';
}
