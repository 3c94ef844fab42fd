// What the OpenAPI schema cannot say but a reader of the spec expects checked: every local `$ref`
// points at something (and not round in a loop of refs), operationIds are unique, and each path
// template parameter (`/pets/{petId}`) is declared `in: path` by its operations, and the other way
// round; `nullable` in a 3.1 document; names it must declare (declarations.ts). Robust to any
// shape: these run on documents the schema has just refused too.
import type { SpecProblem } from '../../../shared/contract-design.js';
import { isObject, pointerTokens } from '../formats/openapi/pointer.js';
import { declarationProblems } from './declarations.js';
import { operationsOf } from './operations.js';
import type { SourcePositions } from './positions.js';
import { problemAt } from './read.js';
import { pointerOf, valueAt } from './where.js';

/** Refs reported at most (a spec with thousands of broken refs needs the first ones fixed). */
const MAX_REF_PROBLEMS = 100;

export function semanticProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  return [
    ...refProblems(doc, positions),
    ...operationIdProblems(doc, positions),
    ...pathParameterProblems(doc, positions),
    ...samePathProblems(doc, positions),
    ...duplicateParameterProblems(doc, positions),
    ...nullableProblems(doc, positions),
    ...declarationProblems(doc, positions),
  ];
}

/** Maps of names to schemas: a `nullable` key in one is a property's name, not the keyword. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * `nullable: true` in a 3.1 document: the keyword is OpenAPI 3.0's; 3.1 schemas are JSON Schema,
 * which ignores it, so the value is silently not nullable.
 */
function nullableProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) return [];
  const problems: SpecProblem[] = [];
  const stack: [unknown, Place | null, boolean][] = [[doc, null, false]];
  while (stack.length > 0 && problems.length < MAX_REF_PROBLEMS) {
    const [node, place, inSchema] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((child, i) => typeof child === 'object' && child !== null && stack.push([child, { parent: place, token: String(i) }, inSchema]));
      continue;
    }
    if (!isObject(node)) continue;
    if (inSchema && Object.hasOwn(node, 'nullable') && !NAME_MAPS.has(place?.token ?? '')) {
      const tokens = [...tokensOfPlace(place), 'nullable'];
      const type = typeof node.type === 'string' ? node.type : 'string';
      problems.push(problemAt(positions.at(tokens), `\`nullable\` is OpenAPI 3.0: a 3.1 schema ignores it. Write \`type: [${type}, "null"]\` instead.`, pointerOf(tokens), 'warning'));
    }
    for (const key in node) {
      const child = node[key];
      if (typeof child !== 'object' || child === null || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
      stack.push([child, { parent: place, token: key }, inSchema || key === 'schema' || key === 'schemas']);
    }
  }
  return problems;
}

interface Place {
  parent: Place | null;
  token: string;
}

const tokensOfPlace = (place: Place | null): string[] => {
  const out: string[] = [];
  for (let p = place; p !== null; p = p.parent) out.push(p.token);
  return out.reverse();
};

/** Every `$ref` in the document with where it is written (iterative: no recursion on deep documents). */
function* refsIn(doc: unknown): Generator<{ ref: string; tokens: () => string[] }> {
  const stack: [unknown, Place | null][] = [[doc, null]];
  while (stack.length > 0) {
    const [node, place] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((child, i) => typeof child === 'object' && child !== null && stack.push([child, { parent: place, token: String(i) }]));
      continue;
    }
    if (!isObject(node)) continue;
    if (typeof node.$ref === 'string') yield { ref: node.$ref, tokens: () => [...tokensOfPlace(place), '$ref'] };
    for (const key in node) {
      const child = node[key];
      // Example values and extensions are data, not part of the spec's structure.
      if (typeof child !== 'object' || child === null || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
      stack.push([child, { parent: place, token: key }]);
    }
  }
}

/** What following a local ref ends at: a value, nothing, or a loop of refs. */
type RefOutcome = { kind: 'ok' } | { kind: 'missing'; last: string } | { kind: 'loop'; chain: string[] };

function followRef(doc: unknown, ref: string): RefOutcome {
  const chain = [ref];
  let target = resolveLocal(doc, ref);
  while (target.found && isObject(target.value) && typeof target.value.$ref === 'string' && target.value.$ref.startsWith('#')) {
    const next = target.value.$ref;
    if (chain.includes(next)) return { kind: 'loop', chain: [...chain, next] };
    if (chain.length > 64) return { kind: 'ok' };
    chain.push(next);
    target = resolveLocal(doc, next);
  }
  return target.found ? { kind: 'ok' } : { kind: 'missing', last: chain.at(-1)! };
}

function refProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const outcomes = new Map<string, RefOutcome>();
  for (const { ref, tokens } of refsIn(doc)) {
    if (problems.length >= MAX_REF_PROBLEMS) break;
    const add = (message: string, severity: SpecProblem['severity'] = 'error') => {
      const at = tokens();
      problems.push(problemAt(positions.at(at), message, pointerOf(at), severity));
    };
    if (!ref.startsWith('#')) {
      add(`The $ref \`${ref}\` points outside this document; Courier does not follow it (its requests, mocks and docs leave it out).`, 'warning');
      continue;
    }
    let outcome = outcomes.get(ref);
    if (!outcome) {
      outcome = followRef(doc, ref);
      outcomes.set(ref, outcome);
    }
    if (outcome.kind === 'loop') add(`The $ref \`${ref}\` goes round in a loop of refs (${outcome.chain.join(' → ')}) and never reaches a value.`);
    if (outcome.kind === 'missing') {
      const { last } = outcome;
      add(`The $ref \`${ref}\` points at nothing: ${last === ref ? 'there is no' : `it leads to \`${last}\`, and there is no`} \`${last}\` in this document.`);
    }
  }
  return problems;
}

function resolveLocal(doc: unknown, ref: string): { found: boolean; value: unknown } {
  const tokens = pointerTokens(ref);
  if (tokens === undefined) return { found: false, value: undefined };
  let node = doc;
  for (const token of tokens) {
    if (Array.isArray(node) && /^\d+$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return { found: false, value: undefined };
  }
  return { found: true, value: node };
}

function operationIdProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const first = new Map<string, string>();
  for (const op of operationsOf(doc)) {
    const id = op.operation.operationId;
    if (typeof id !== 'string') continue;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, op.key);
      continue;
    }
    const tokens = [...op.tokens, 'operationId'];
    problems.push(problemAt(positions.at(tokens), `The operationId \`${id}\` is already used by ${earlier}; each operation needs its own.`, pointerOf(tokens)));
  }
  return problems;
}

interface DeclaredParameter {
  name: string;
  tokens: string[];
}

/** The `in: path` parameters a list declares ($refs to components followed), with where each is written. */
function pathParameters(doc: unknown, list: unknown, listTokens: string[]): DeclaredParameter[] {
  if (!Array.isArray(list)) return [];
  const out: DeclaredParameter[] = [];
  list.forEach((raw, i) => {
    let param: unknown = raw;
    for (let hops = 0; hops < 8 && isObject(param) && typeof param.$ref === 'string'; hops++) {
      const tokens = pointerTokens(param.$ref);
      param = tokens === undefined ? undefined : valueAt(doc, tokens);
    }
    if (isObject(param) && param.in === 'path' && typeof param.name === 'string') out.push({ name: param.name, tokens: [...listTokens, String(i)] });
  });
  return out;
}

function pathParameterProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (tokens: string[], message: string) => problems.push(problemAt(positions.at(tokens), message, pointerOf(tokens)));
  const sharedByPath = new Map<string, DeclaredParameter[]>();
  for (const op of operationsOf(doc)) {
    const template = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const shared = sharedByPath.get(op.path) ?? pathParameters(doc, op.pathItem.parameters, ['paths', op.path, 'parameters']);
    sharedByPath.set(op.path, shared);
    const own = pathParameters(doc, op.operation.parameters, [...op.tokens, 'parameters']);
    const declared = new Map<string, DeclaredParameter>();
    for (const p of [...shared, ...own]) declared.set(p.name, p);
    for (const name of template) {
      if (!declared.has(name)) add(op.tokens, `${op.key} has \`{${name}}\` in its path but does not declare it: add a parameter \`${name}\` with \`in: path\` and \`required: true\`.`);
    }
    for (const p of own) {
      if (!template.includes(p.name)) add(p.tokens, `The path parameter \`${p.name}\` of ${op.key} is not in its path: ${op.path} has no \`{${p.name}}\`.`);
    }
  }
  for (const [path, shared] of sharedByPath) {
    const template = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const p of shared) {
      if (!template.includes(p.name)) add(p.tokens, `The path parameter \`${p.name}\` is not in the path: ${path} has no \`{${p.name}}\`.`);
    }
  }
  return problems;
}

/** `/pets/{id}` and `/pets/{petId}` are the same path to a server: OpenAPI forbids both. */
function samePathProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  if (!isObject(doc.paths)) return [];
  const problems: SpecProblem[] = [];
  const seen = new Map<string, string>();
  for (const path of Object.keys(doc.paths)) {
    if (path.startsWith('x-')) continue;
    const shape = path.replace(/\{[^}]*\}/g, '{}');
    const earlier = seen.get(shape);
    if (earlier === undefined) {
      seen.set(shape, path);
      continue;
    }
    const tokens = ['paths', path];
    problems.push(problemAt(positions.at(tokens), `The path ${path} is the same as ${earlier} (only the parameter names differ), so a request cannot tell them apart; merge them.`, pointerOf(tokens)));
  }
  return problems;
}

/** A parameter list naming the same parameter (name and location) twice. */
function duplicateParameterProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const lists: [unknown, string[], string][] = [];
  const seenPaths = new Set<string>();
  for (const op of operationsOf(doc)) {
    lists.push([op.operation.parameters, [...op.tokens, 'parameters'], op.key]);
    if (!seenPaths.has(op.path)) lists.push([op.pathItem.parameters, ['paths', op.path, 'parameters'], `the path ${op.path}`]);
    seenPaths.add(op.path);
  }
  for (const [list, listTokens, owner] of lists) {
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    list.forEach((raw, i) => {
      let param: unknown = raw;
      for (let hops = 0; hops < 8 && isObject(param) && typeof param.$ref === 'string'; hops++) {
        const tokens = pointerTokens(param.$ref);
        param = tokens === undefined ? undefined : valueAt(doc, tokens);
      }
      if (!isObject(param) || typeof param.name !== 'string' || typeof param.in !== 'string') return;
      const key = `${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        return;
      }
      const tokens = [...listTokens, String(i)];
      problems.push(problemAt(positions.at(tokens), `The ${param.in} parameter \`${param.name}\` is listed twice for ${owner}; keep one.`, pointerOf(tokens)));
    });
  }
  return problems;
}
