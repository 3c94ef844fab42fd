// The text of an OpenAPI or Swagger document (JSON or YAML) as a plain value. YAML aliases are
// capped (a "billion laughs" document is refused, not expanded) and the text has a size limit.
import { parseDocument } from 'yaml';
import { badInput } from '../../../../shared/errors.js';

export const MAX_SPEC_BYTES = 32 * 1024 * 1024;
/** Aliases a YAML document may use: enough for hand-written anchors, far too few for a bomb. */
export const MAX_YAML_ALIASES = 200;

export function parseSpecText(text: string, name: string): unknown {
  if (text.length > MAX_SPEC_BYTES) {
    throw badInput(`${name}: the document is too large to import (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_SPEC_BYTES / 1048576} MB)`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) {
    try {
      return JSON.parse(body);
    } catch (err) {
      // YAML is a superset of JSON, but a text that opens as JSON and is not JSON is broken JSON.
      throw badInput(`${name}: the document is neither valid JSON nor YAML (${(err as Error).message})`);
    }
  }
  let doc;
  try {
    doc = parseDocument(body, { uniqueKeys: false, prettyErrors: false, merge: true });
  } catch (err) {
    // The YAML parser recurses: a document nested thousands deep runs out of stack.
    throw badInput(`${name}: the document is neither valid JSON nor YAML (${(err as Error).message})`);
  }
  const failure = doc.errors[0];
  if (failure) throw badInput(`${name}: the document is neither valid JSON nor YAML (${yamlMessage(failure, body)})`);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const message = (err as Error).message;
    if (/excessive alias count/i.test(message)) {
      throw badInput(`${name}: the YAML uses too many aliases (a "YAML bomb"); refused rather than expanded (${message})`);
    }
    throw badInput(`${name}: the document is neither valid JSON nor YAML (${message})`);
  }
}

function yamlMessage(err: { message: string; pos: [number, number] }, text: string): string {
  const before = text.slice(0, err.pos[0]);
  const line = before.split('\n').length;
  const column = err.pos[0] - before.lastIndexOf('\n');
  return `${err.message.split('\n')[0]} at line ${line}, column ${column}`;
}
