// A spec's text → its value, or the problems that stop it being read: too large, binary, empty,
// broken JSON or YAML (each with its line and column), YAML aliases past the cap, nesting too deep
// to check. Never throws: whatever the text, the answer is a value or problems.
import type { SpecProblem } from '../../../shared/contract-design.js';
import { CORE_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import { SPEC_TEXT_MAX } from '../store/specs.js';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { SourcePositions, START, type Position } from './positions.js';

/** Deeper than any real spec nests; past it the structure is not checked (the checks recurse). */
export const MAX_DEPTH = 256;

export interface ReadSpec {
  /** The parsed document; undefined when the text could not be read. */
  value: unknown;
  positions: SourcePositions;
  problems: SpecProblem[];
}

export const problemAt = (where: Position, message: string, path = '', severity: SpecProblem['severity'] = 'error'): SpecProblem => ({
  line: where.line,
  column: where.column,
  path,
  message,
  severity,
});

export function readSpec(given: string): ReadSpec {
  const text = given.replace(/^\uFEFF/, '');
  const syntax = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  const positions = new SourcePositions(text, syntax);
  const fail = (where: Position, message: string): ReadSpec => ({ value: undefined, positions, problems: [problemAt(where, message)] });
  if (text.length > SPEC_TEXT_MAX) {
    return fail(START, `The document is too large to check: ${(text.length / 1048576).toFixed(1)} MB (the limit is ${SPEC_TEXT_MAX / 1048576} MB).`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail(positions.offset(nul), 'This is not a text document: it holds binary data (a NUL byte here). A spec is YAML or JSON text.');
  if (text.trim() === '') return fail(START, 'The document is empty. An OpenAPI document starts with `openapi: 3.1.0` and an `info` with its `title` and `version`.');
  return syntax === 'json' ? readJson(text, positions) : readYaml(text, positions);
}

function readJson(text: string, positions: SourcePositions): ReadSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : firstJsonError(text);
    const mistake = offset === undefined ? undefined : jsonMistake(text, offset, message);
    const where = positions.offset(mistake?.offset ?? offset ?? 0);
    return { value: undefined, positions, problems: [problemAt(where, `This is not valid JSON: ${mistake?.message ?? `${plainJsonError(message)}.`}`)] };
  }
  return checked(value, positions, text.length);
}

/** The usual slips of a person writing JSON by hand, named where V8 stumbled over them. */
function jsonMistake(text: string, offset: number, message: string): { offset: number; message: string } | undefined {
  const here = text.slice(offset, offset + 2);
  if (here === '//' || here === '/*') return { offset, message: 'JSON has no comments.' };
  if (here[0] === '}' || here[0] === ']') {
    let before = offset - 1;
    while (before >= 0 && /\s/.test(text[before])) before--;
    if (text[before] === ',') return { offset: before, message: `a comma after the last item; JSON allows none before \`${here[0]}\`.` };
  }
  if (/property name/.test(message) && /^['\w]/.test(here)) return { offset, message: 'a key must be in double quotes ("key").' };
  return undefined;
}

/** V8's JSON.parse message without the quoted copy of the text it sometimes appends. */
function plainJsonError(message: string): string {
  return message
    .replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The offset where a JSON scanner first stumbles (V8's message does not always say). */
function firstJsonError(text: string): number | undefined {
  const errors: ParseError[] = [];
  try {
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch {
    return undefined;
  }
  return errors[0]?.offset;
}

const YAML_REASONS: [RegExp, string][] = [
  [/duplicated mapping key/, 'The same key is written twice in one object; keys must be unique.'],
  [/tab characters must not be used in indentation/, 'Tabs cannot indent YAML; use spaces.'],
  [/bad indentation/, 'The indentation is wrong here.'],
  [/end of the stream within a flow collection/, 'A `[` or `{` is not closed.'],
  [/exceeded maxDepth/, 'The document is nested too deeply to read.'],
];

/** The core schema (no dates) with merge keys (`<<: *common`), which hand-written specs use to share parts. */
// (js-yaml's own merge type, which its typings do not export: the loader merges by this tag.)
const MERGE = new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' || data === null });
const SPEC_YAML_SCHEMA = CORE_SCHEMA.extend({ implicit: [MERGE] });

/** YAML's value through js-yaml (fast: ~10x the yaml package on a 1,000-operation spec). */
function readYaml(text: string, positions: SourcePositions): ReadSpec {
  let value: unknown;
  try {
    value = load(text, { schema: SPEC_YAML_SCHEMA });
  } catch (err) {
    if (err instanceof YAMLException) {
      const reason = err.reason ?? err.message;
      const plain = YAML_REASONS.find(([pattern]) => pattern.test(reason))?.[1];
      // The mark's offset, kept inside the text (at the end of the stream js-yaml points one line past it).
      const where = err.mark ? positions.offset(Math.min(err.mark.position, Math.max(0, text.length - 1))) : START;
      return { value: undefined, positions, problems: [problemAt(where, `This is not valid YAML: ${plain ?? `${reason}.`}`)] };
    }
    return { value: undefined, positions, problems: [problemAt(START, tooDeep(err))] };
  }
  return checked(value, positions, text.length);
}

const tooDeep = (err: unknown) =>
  err instanceof RangeError
    ? `The document is nested too deeply to read (more than ${MAX_DEPTH} levels).`
    : `The document cannot be read: ${(err as Error).message}`;

/**
 * Refuses a value nested deeper than MAX_DEPTH, or one whose YAML aliases make it far larger than
 * its text (a "billion laughs" document: js-yaml shares aliased nodes, every walk would expand them).
 * Measured without recursion.
 */
function checked(value: unknown, positions: SourcePositions, textLength: number): ReadSpec {
  const budget = textLength + 100_000;
  let visited = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (++visited > budget) {
      return { value: undefined, positions, problems: [problemAt(START, `The YAML uses its aliases to expand far beyond its text (a "YAML bomb"): refused rather than expanded.`)] };
    }
    if (depth > MAX_DEPTH) {
      return { value: undefined, positions, problems: [problemAt(START, `The document is nested too deeply to check (more than ${MAX_DEPTH} levels).`)] };
    }
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return { value, positions, problems: [] };
}
