// Validation as you type: a spec's text → its problems, each with its line, column and a plain
// message, sorted by line. Syntax (read.ts), then the OpenAPI version, then the structure against
// the official schema of that version (schemas.ts, worded by messages.ts), then what the schema
// cannot say (semantic.ts). Never throws. The newest answers are kept, so asking again about the
// same text (the sidebar's error counts) costs nothing.
import type { SpecProblem, SpecValidation } from '../../../shared/contract-design.js';
import { isObject } from '../formats/openapi/pointer.js';
import { schemaProblems } from './messages.js';
import { operationsOf } from './operations.js';
import { START } from './positions.js';
import { problemAt, readSpec } from './read.js';
import { schemaErrors, type OpenApiLine } from './schemas.js';
import { semanticProblems } from './semantic.js';

/** Answers kept: at most this many, holding at most this many characters of text between them. */
const CACHE_SIZE = 16;
const CACHE_CHARS = 8 * 1024 * 1024;

/** A validation and the document's `info.version` (for the sidebar's summaries). */
export interface SpecInspection {
  validation: SpecValidation;
  version: string;
}

const cache = new Map<string, SpecInspection>();

export function validateSpecText(text: string): SpecValidation {
  return inspectSpecText(text).validation;
}

/** validateSpecText with the document's version; the newest answers are kept. */
export function inspectSpecText(text: string): SpecInspection {
  const known = cache.get(text);
  if (known) return known;
  let result: SpecInspection;
  try {
    result = validate(text);
  } catch (err) {
    const message = err instanceof RangeError ? 'The document is nested too deeply to check.' : `Courier could not check this document: ${(err as Error).message}`;
    result = { validation: { problems: [problemAt(START, message)], openapi: null, title: null, operations: 0 }, version: '' };
  }
  cache.set(text, result);
  let chars = 0;
  for (const key of cache.keys()) chars += key.length;
  for (const key of cache.keys()) {
    if (cache.size <= 1 || (cache.size <= CACHE_SIZE && chars <= CACHE_CHARS)) break;
    cache.delete(key);
    chars -= key.length;
  }
  return result;
}

/** The OpenAPI line a version string belongs to, or undefined for versions Courier does not check. */
export function openApiLine(version: string): OpenApiLine | undefined {
  if (/^3\.0\.\d+(-.+)?$/.test(version)) return '3.0';
  if (/^3\.1\.\d+(-.+)?$/.test(version)) return '3.1';
  return undefined;
}

function validate(text: string): SpecInspection {
  const { value: doc, positions, problems: syntax } = readSpec(text);
  const none = (problems: SpecProblem[]): SpecInspection => ({ validation: { problems, openapi: null, title: null, operations: 0 }, version: '' });
  if (syntax.length > 0) return none(syntax);
  if (!isObject(doc)) {
    return none([problemAt(START, `An OpenAPI document is an object of fields (\`openapi\`, \`info\`, \`paths\` …); this one is ${Array.isArray(doc) ? 'a list' : 'a single value'}.`)]);
  }
  const title = isObject(doc.info) && typeof doc.info.title === 'string' ? doc.info.title : null;
  const operations = [...operationsOf(doc)].length;
  const version = typeof doc.openapi === 'string' ? doc.openapi : null;
  const info = isObject(doc.info) ? doc.info : {};
  const answer = (problems: SpecProblem[]): SpecInspection => ({
    validation: { problems: sorted(problems), openapi: version, title, operations },
    version: typeof info.version === 'string' ? info.version : '',
  });
  if (doc.swagger !== undefined && doc.openapi === undefined) {
    return answer([
      problemAt(positions.at(['swagger']), `This is a Swagger ${String(doc.swagger)} document. Specs here are OpenAPI 3.0 or 3.1: import it as a collection (Import converts Swagger 2.0), or convert it to OpenAPI 3 first.`, '/swagger'),
    ]);
  }
  if (doc.openapi === undefined) {
    return answer([problemAt(START, 'The document does not say which OpenAPI version it is: add `openapi: 3.1.0` (or 3.0.3) at the top.')]);
  }
  const line = version === null ? undefined : openApiLine(version);
  if (line === undefined) {
    const said = typeof doc.openapi === 'string' ? doc.openapi : JSON.stringify(doc.openapi);
    const hint = typeof doc.openapi === 'number' ? ' Write the version as text with three parts, e.g. `openapi: 3.1.0`.' : '';
    return answer([problemAt(positions.at(['openapi']), `Courier checks OpenAPI 3.0 and 3.1 documents; this one says \`openapi: ${said}\`.${hint}`, '/openapi')]);
  }
  return answer([...schemaProblems(doc, schemaErrors(doc, line), positions), ...semanticProblems(doc, positions)]);
}

function sorted(problems: SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Whether a validation found errors (warnings alone do not stop generation). */
export const hasErrors = (v: SpecValidation) => v.problems.some((p) => p.severity === 'error');
