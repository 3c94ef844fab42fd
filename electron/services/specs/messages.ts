// ajv's errors against the OpenAPI schema → a few plain problems. ajv reports every branch of a
// oneOf/anyOf that failed (is it a $ref? a path parameter? a query parameter? …); a person wants the
// one that explains the mistake. So: summaries ("must match exactly one schema") go when a detail
// explains them, the "is it a $ref" branch goes when the object is not one, enum failures of a
// oneOf's branches merge into one list of allowed values, alternatives that are each one missing
// field become "needs `a` or `b`", and otherwise the branch with the fewest errors is kept.
import type { ErrorObject } from 'ajv';
import type { SpecProblem } from '../../../shared/contract-design.js';
import type { SourcePositions } from './positions.js';
import { problemAt } from './read.js';
import { capitalize, describe, pointerOf, tokensOf, valueAt } from './where.js';

const SUMMARIES = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', 'not', '$ref', 'allOf']);
/** At most this many problems from the schema (the rest are usually consequences). */
const MAX_SCHEMA_PROBLEMS = 200;

interface Branch {
  /** schemaPath up to and including `/oneOf` or `/anyOf`. */
  group: string;
  index: number;
}

/**
 * The innermost oneOf/anyOf branch an error came from: its schemaPath names the branch, and the
 * summary error of that oneOf (same schemaPath, instancePath at or above the error's) names the
 * place, so the same definition used at two places makes two groups.
 */
function branchOf(e: ErrorObject, summaries: ErrorObject[]): Branch | undefined {
  const matches = [...e.schemaPath.matchAll(/\/(oneOf|anyOf)\/(\d+)\//g)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const schemaPath = e.schemaPath.slice(0, last.index + last[1].length + 1);
  const owner = summaries
    .filter((s) => s.schemaPath === schemaPath && isUnder(e.instancePath, s.instancePath))
    .reduce<string | undefined>((best, s) => (best === undefined || s.instancePath.length > best.length ? s.instancePath : best), undefined);
  return { group: `${owner ?? e.instancePath} ${schemaPath}`, index: Number(last[2]) };
}

const inBranch = (e: ErrorObject) => /\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath);

const isUnder = (path: string, parent: string) => path === parent || path.startsWith(parent + '/');

/** The errors worth showing, with oneOf/anyOf alternatives resolved as the header explains. */
export function collapse(errors: ErrorObject[]): (ErrorObject | Merged)[] {
  const summaries = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // 1. The "it could be a $ref" branch is noise when anything else is wrong at or under that place;
  //    so is a format check of a $ref (semantic.ts checks refs), and an enum where the type is wrong.
  let kept = errors.filter(
    (e) =>
      !(e.keyword === 'required' && e.params.missingProperty === '$ref' && errors.some((o) => o !== e && !SUMMARIES.has(o.keyword) && isUnder(o.instancePath, e.instancePath))) &&
      !(e.keyword === 'format' && e.instancePath.endsWith('/$ref')) &&
      !(e.keyword === 'enum' && errors.some((o) => o.keyword === 'type' && !inBranch(o) && o.instancePath === e.instancePath)) &&
      // A name that breaks `propertyNames` is worded by that error; its pattern check says it again, of the whole object.
      !(e.keyword !== 'propertyNames' && e.schemaPath.includes('/propertyNames/') && errors.some((o) => o.keyword === 'propertyNames' && o.instancePath === e.instancePath)) &&
      // A field is "unevaluated" when the branch that allows it failed: that failure is the message.
      !(e.keyword === 'unevaluatedProperties' && errors.some((o) => o.instancePath === e.instancePath && !SUMMARIES.has(o.keyword) && o.keyword !== 'unevaluatedProperties')) &&
      // "or a list of them": the other form of a value that has a better message already.
      !(e.keyword === 'type' && inBranch(e) && errors.some((o) => o.instancePath === e.instancePath && !SUMMARIES.has(o.keyword) && o.keyword !== 'type')),
  );
  // 2. Summaries go when a detail at or under the same place explains them.
  kept = kept.filter((e) => !SUMMARIES.has(e.keyword) || !errors.some((o) => !SUMMARIES.has(o.keyword) && isUnder(o.instancePath, e.instancePath)));
  // 3. Alternatives of a oneOf/anyOf.
  const groups = new Map<string, Map<number, ErrorObject[]>>();
  const loose: ErrorObject[] = [];
  for (const e of kept) {
    const b = branchOf(e, summaries);
    if (!b) {
      loose.push(e);
      continue;
    }
    const branches = groups.get(b.group) ?? new Map<number, ErrorObject[]>();
    branches.set(b.index, [...(branches.get(b.index) ?? []), e]);
    groups.set(b.group, branches);
  }
  const out: (ErrorObject | Merged)[] = loose;
  for (const [group, branches] of groups) out.push(...resolveAlternatives(group.split(' ')[0], [...branches.values()]));
  return out;
}

/** A problem made of several ajv errors (alternatives) with its own message. */
export interface Merged {
  keyword: 'merged';
  instancePath: string;
  message: string;
}

function resolveAlternatives(instancePath: string, branches: ErrorObject[][]): (ErrorObject | Merged)[] {
  if (branches.length === 1) return branches[0];
  const all = branches.flat();
  // Every branch refuses the same field's value (a discriminator such as `in` or `type`): one list.
  const enums = branches.map((b) => b.find((e) => e.keyword === 'enum' || e.keyword === 'const'));
  if (enums.every((e) => e !== undefined) && new Set(enums.map((e) => e!.instancePath)).size === 1) {
    const allowed = [...new Set(enums.flatMap((e) => (e!.keyword === 'enum' ? (e!.params.allowedValues as unknown[]) : [e!.params.allowedValue])))];
    return [{ keyword: 'enum', instancePath: enums[0]!.instancePath, schemaPath: '', params: { allowedValues: allowed }, message: '' }];
  }
  // Each branch is one missing field: the object needs one of them.
  if (branches.every((b) => b.length === 1 && b[0].keyword === 'required' && b[0].instancePath === instancePath)) {
    const fields = branches.map((b) => '`' + String(b[0].params.missingProperty) + '`');
    return [{ keyword: 'merged', instancePath, message: `needs ${fields.length === 2 ? fields.join(' or ') : `one of ${fields.slice(0, -1).join(', ')} or ${fields.at(-1)}`}` }];
  }
  // The branch with the fewest errors; on a tie, one that names the allowed values over one that names a type.
  const score = (b: ErrorObject[]) => b.length * 10 + (b.some((e) => e.keyword === 'type') ? 1 : 0);
  const fewest = branches.reduce((best, b) => (score(b) < score(best) ? b : best), branches[0]);
  return all.filter((e) => fewest.includes(e));
}

const typeWords: Record<string, string> = {
  string: 'text (a string)',
  object: 'an object (fields under it)',
  array: 'a list',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  null: 'null',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

const tick = (s: string) => '`' + s + '`';

/** One ajv error as a plain sentence about the document. */
export function plainMessage(doc: unknown, e: ErrorObject | Merged): { tokens: string[]; message: string } {
  const tokens = tokensOf(e.instancePath);
  const what = describe(doc, tokens);
  const value = valueAt(doc, tokens);
  if (e.keyword === 'merged') return { tokens, message: `${capitalize(what)} ${e.message}.` };
  const params = (e as ErrorObject).params as Record<string, unknown>;
  switch (e.keyword as string) {
    case 'required': {
      const field = String(params.missingProperty);
      const isParameter = /^parameter /.test(what) || (tokens[0] === 'components' && tokens[1] === 'parameters');
      if (field === 'required' && isParameter) return { tokens, message: `${capitalize(what)} is a path parameter, so it must say \`required: true\`.` };
      return { tokens, message: `${capitalize(what)} is missing its required ${tick(field)}.` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const field = String(params.additionalProperty ?? params.unevaluatedProperty);
      const at = [...tokens, field];
      if (tokens.length === 1 && tokens[0] === 'paths') return { tokens: at, message: `The path ${tick(field)} must start with \`/\`.` };
      if (tokens.at(-1) === 'responses' && /^paths|^components$/.test(tokens[0] ?? '')) {
        return { tokens: at, message: `${tick(field)} is not a response status: use a code such as 200, a range such as 2XX, or \`default\`.` };
      }
      return { tokens: at, message: `${tick(field)} is not a field of ${what} (check the spelling; your own fields must start with \`x-\`).` };
    }
    case 'type': {
      const wanted = String(params.type)
        .split(',')
        .map((t) => typeWords[t] ?? t)
        .join(' or ');
      return { tokens, message: `${capitalize(what)} must be ${wanted}, not ${kindOf(value)}.` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => tick(String(v))).join(', ');
      return { tokens, message: `${capitalize(what)} must be one of ${allowed}, not ${kindOf(value)}.` };
    }
    case 'const':
      return { tokens, message: `${capitalize(what)} must be ${tick(JSON.stringify(params.allowedValue))}, not ${kindOf(value)}.` };
    case 'format':
      return { tokens, message: `${capitalize(what)} must be a valid ${String(params.format)}, not ${kindOf(value)}.` };
    case 'pattern':
      if (tokens.length === 1 && tokens[0] === 'openapi') return { tokens, message: `\`openapi\` must be a version such as 3.1.0, not ${kindOf(value)}.` };
      return { tokens, message: `${capitalize(what)} does not have the expected form (pattern ${String(params.pattern)}): it is ${kindOf(value)}.` };
    case 'minItems':
      return { tokens, message: `${capitalize(what)} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.` };
    case 'minProperties':
      return { tokens, message: `${capitalize(what)} needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}.` };
    case 'uniqueItems':
      return { tokens, message: `${capitalize(what)} lists the same item twice (items ${String(params.j)} and ${String(params.i)}).` };
    case 'propertyNames':
      return { tokens: [...tokens, String(params.propertyName)], message: `${tick(String(params.propertyName))} is not an allowed name in ${what}.` };
    case 'oneOf':
      return { tokens, message: `${capitalize(what)} matches ${Array.isArray(params.passingSchemas) ? 'more than one' : 'none'} of the forms it may take; check its fields.` };
    default:
      return { tokens, message: `${capitalize(what)} ${e.message ?? 'is not valid'}.` };
  }
}

/** ajv's errors as plain problems placed in the text. */
export function schemaProblems(doc: unknown, errors: ErrorObject[], positions: SourcePositions): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const seen = new Set<string>();
  for (const e of collapse(errors)) {
    const { tokens, message } = plainMessage(doc, e);
    const path = pointerOf(tokens);
    if (seen.has(path + message)) continue;
    seen.add(path + message);
    problems.push(problemAt(positions.at(tokens), message, path));
    if (problems.length >= MAX_SCHEMA_PROBLEMS) break;
  }
  return problems;
}

