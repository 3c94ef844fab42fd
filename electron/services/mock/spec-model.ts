// A spec read for mocking, all at once when the mock starts: checked as the spec editor checks it
// (validateSpecText), parsed, and every operation with its parameters, request body and responses
// resolved. Any problem refuses the whole spec (listed with its line), so a mock never starts
// half-made. Schemas are compiled to validators on first use (a big spec starts at once).
import { AppError, badInput } from '../../../shared/errors.js';
import { parseSpecText } from '../formats/openapi/parse.js';
import { appendPointer, isObject } from '../formats/openapi/pointer.js';
import { Resolver } from '../formats/openapi/resolver.js';
import { swagger2ToOpenApi3 } from '../formats/openapi/swagger2.js';
import { validateSpecText } from '../specs/validate.js';
import { SchemaCompiler, type SchemaCheck } from './schema-compiler.js';
import { readSecurity, type SecurityAlternatives } from './security.js';
import { lineLocator } from './spec-lines.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Record<string, unknown> | undefined;
  validate: SchemaCheck | undefined;
  /** `explode: false` query arrays come comma-separated. */
  explode: boolean;
  /** `deepObject` query objects come as `name[prop]=value`. */
  style: string | undefined;
}

export interface SpecBodyType {
  mediaType: string;
  validate: SchemaCheck | undefined;
}

export interface SpecOperation {
  /** `GET /pets/{petId}` */
  key: string;
  method: string;
  path: string;
  pointer: string;
  parameters: SpecParameter[];
  body: { required: boolean; types: SpecBodyType[] } | undefined;
  responses: Record<string, unknown>;
  security: SecurityAlternatives;
}

export interface SpecModel {
  title: string;
  version: '3.0' | '3.1';
  doc: Record<string, unknown>;
  resolver: Resolver;
  operations: SpecOperation[];
  /** Path prefixes of the servers (`/v1`), which requests may carry or leave out. */
  basePaths: string[];
}

interface Problem {
  pointer: string;
  message: string;
}

class ProblemList {
  readonly items: Problem[] = [];
  add(pointer: string, message: string): void {
    this.items.push({ pointer, message });
  }
  /** Runs `fn`; a thrown AppError (a broken $ref, a bad schema) becomes a problem at `pointer`. */
  guard<T>(pointer: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      this.add(pointer, err instanceof Error ? err.message.replace(/^#[^:]*: /, '') : String(err));
      return undefined;
    }
  }
}

interface Located {
  line?: number;
  column?: number;
  pointer: string;
  message: string;
}

function refusal(name: string, problems: Located[]): AppError {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const where = (p: Located) => (p.line ? `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ` : '');
  const lines = sorted.map((p) => `${where(p)}${p.message}${p.pointer && p.pointer !== '#' ? ` (at ${p.pointer})` : ''}`);
  return new AppError(
    'BAD_INPUT',
    `The spec "${name}" cannot be mocked (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.map((l) => `  ${l}`).join('\n')}`,
    sorted.map((p, i) => ({ path: p.pointer, message: lines[i] })),
  );
}

/** The errors the spec editor shows for this text (Swagger 2.0 aside: the mock converts it). */
function editorErrors(text: string): Located[] {
  return validateSpecText(text)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => ({ line: p.line, column: p.column, pointer: p.path, message: p.message }));
}

/** Reads a spec's text for a mock; throws BAD_INPUT listing every problem (with its line) when it cannot be served. */
export function loadSpecModel(text: string, name: string): SpecModel {
  let raw: unknown;
  try {
    raw = parseSpecText(text, name);
  } catch (err) {
    const syntax = editorErrors(text);
    throw syntax.length > 0 ? refusal(name, syntax) : badInput(`The spec "${name}" cannot be mocked: ${(err as Error).message.replace(`${name}: `, '')}`);
  }
  if (!(isObject(raw) && raw.swagger === '2.0')) {
    const errors = editorErrors(text);
    if (errors.length > 0) throw refusal(name, errors);
  }
  const problems = new ProblemList();
  const model = readModel(raw, problems);
  if (problems.items.length > 0 || !model) {
    const lineOf = lineLocator(text);
    throw refusal(name, problems.items.map((p) => ({ ...p, line: lineOf(p.pointer) })));
  }
  return model;
}

function readModel(raw: unknown, problems: ProblemList): SpecModel | undefined {
  if (!isObject(raw)) {
    problems.add('#', 'the document is not an OpenAPI object');
    return undefined;
  }
  const declared = typeof raw.openapi === 'string' ? raw.openapi : raw.swagger === '2.0' ? '2.0' : undefined;
  if (declared === undefined || (declared !== '2.0' && !/^3\.[01](\.|$)/.test(declared))) {
    problems.add(raw.openapi !== undefined ? '#/openapi' : '#', `only OpenAPI 3.0/3.1 and Swagger 2.0 documents can be mocked (openapi: ${JSON.stringify(raw.openapi ?? raw.swagger ?? null)})`);
    return undefined;
  }
  if (!isObject(raw.info)) problems.add('#', 'the document has no "info" object');
  if (!isObject(raw.paths)) {
    problems.add('#', 'the document has no "paths" object, so there is nothing to mock');
    return undefined;
  }
  const resolver = new Resolver(raw);
  const doc = declared === '2.0' ? problems.guard('#', () => swagger2ToOpenApi3(raw, resolver)) : raw;
  if (!doc) return undefined;
  checkRefs(doc, resolver, problems);
  const version = declared.startsWith('3.1') ? '3.1' : '3.0';
  const compiler = problems.guard('#', () => new SchemaCompiler(doc, version));
  if (!compiler) return undefined;
  const operations = readOperations(doc, resolver, compiler, problems);
  if (operations.length === 0 && problems.items.length === 0) problems.add('#/paths', 'the document has no operations to mock');
  const info = isObject(raw.info) ? raw.info : {};
  return { title: typeof info.title === 'string' ? info.title : '', version, doc, resolver, operations, basePaths: basePaths(doc) };
}

/** Every local `$ref` must point at something; external ones cannot be served. */
function checkRefs(doc: unknown, resolver: Resolver, problems: ProblemList): void {
  const walk = (node: unknown, at: string, depth: number) => {
    if (depth > 200) return;
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, appendPointer(at, i), depth + 1));
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') {
      if (!node.$ref.startsWith('#')) problems.add(at, `the $ref "${node.$ref}" points outside the document, which a mock cannot follow`);
      else problems.guard(at, () => resolver.target(node.$ref as string, at));
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'example' && key !== 'examples') walk(value, appendPointer(at, key), depth + 1);
  };
  walk(doc, '#', 0);
}

function readParameters(list: unknown, at: string, resolver: Resolver, compiler: SchemaCompiler, problems: ProblemList): SpecParameter[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.add(at, '"parameters" must be a list');
    return [];
  }
  return list.flatMap((entry, i) => {
    const resolved = problems.guard(appendPointer(at, i), () => resolver.object(entry, appendPointer(at, i), 'a parameter'));
    const p = resolved?.value;
    if (!resolved || !p) return [];
    if (typeof p.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(p.in))) {
      problems.add(resolved.at, 'a parameter needs a "name" and an "in" of path, query, header or cookie');
      return [];
    }
    const schemaAt = appendPointer(resolved.at, 'schema');
    const schema = p.schema === undefined ? undefined : resolver.object(p.schema, schemaAt, 'a schema').value;
    return [
      {
        name: p.name,
        in: p.in as SpecParameter['in'],
        required: p.in === 'path' || p.required === true,
        schema,
        validate: p.schema === undefined ? undefined : compiler.checker(schemaAt),
        explode: p.explode !== false,
        style: typeof p.style === 'string' ? p.style : undefined,
      },
    ];
  });
}

/** Operation parameters override the path item's (same name and location). */
function mergeParameters(shared: SpecParameter[], own: SpecParameter[]): SpecParameter[] {
  const key = (p: SpecParameter) => `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
  const byKey = new Map(shared.map((p) => [key(p), p]));
  for (const p of own) byKey.set(key(p), p);
  return [...byKey.values()];
}

function readBody(value: unknown, at: string, resolver: Resolver, compiler: SchemaCompiler, problems: ProblemList): SpecOperation['body'] {
  const resolved = problems.guard(at, () => resolver.object(value, at, 'a request body'));
  const body = resolved?.value;
  if (!resolved || !body) return undefined;
  const content = isObject(body.content) ? body.content : {};
  const types = Object.entries(content).map(([mediaType, media]) => {
    const mediaAt = appendPointer(resolved.at, 'content', mediaType);
    const hasSchema = isObject(media) && media.schema !== undefined;
    return { mediaType: mediaType.toLowerCase(), validate: hasSchema ? compiler.checker(appendPointer(mediaAt, 'schema')) : undefined };
  });
  return { required: body.required === true, types };
}

function readOperations(doc: Record<string, unknown>, resolver: Resolver, compiler: SchemaCompiler, problems: ProblemList): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths as Record<string, unknown>)) {
    if (path.startsWith('x-')) continue;
    const itemAt = appendPointer('#', 'paths', path);
    if (!path.startsWith('/')) problems.add(itemAt, `the path "${path}" must start with "/"`);
    const item = problems.guard(itemAt, () => resolver.object(rawItem, itemAt, 'a path item'))?.value;
    if (!item) continue;
    const shared = readParameters(item.parameters, appendPointer(itemAt, 'parameters'), resolver, compiler, problems);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const opAt = appendPointer(itemAt, method);
      if (!isObject(op)) {
        problems.add(opAt, 'an operation must be an object');
        continue;
      }
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) problems.add(opAt, 'the operation has no responses');
      for (const [code, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        const responseAt = appendPointer(opAt, 'responses', code);
        if (!/^([1-5]\d\d|[1-5]XX|default)$/i.test(code)) problems.add(responseAt, `"${code}" is not a status code`);
        problems.guard(responseAt, () => resolver.object(response, responseAt, 'a response'));
      }
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pointer: opAt,
        parameters: mergeParameters(shared, readParameters(op.parameters, appendPointer(opAt, 'parameters'), resolver, compiler, problems)),
        body: op.requestBody === undefined ? undefined : readBody(op.requestBody, appendPointer(opAt, 'requestBody'), resolver, compiler, problems),
        responses: isObject(op.responses) ? op.responses : {},
        security: problems.guard(appendPointer(opAt, 'security'), () => readSecurity(doc, op, resolver)) ?? [],
      });
    }
  }
  return operations;
}

function basePaths(doc: Record<string, unknown>): string[] {
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  const paths = servers.flatMap((s) => {
    // A server URL with variables in its path is left out: its prefix is not one fixed text.
    if (typeof s.url !== 'string' || /\{/.test(s.url.replace(/^[a-z]+:\/\/[^/]*/i, ''))) return [];
    try {
      const pathname = new URL(s.url.replace(/^[a-z]+:\/\/[^/]*/i, ''), 'http://server.invalid').pathname.replace(/\/+$/, '');
      return pathname ? [pathname] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(paths)];
}
