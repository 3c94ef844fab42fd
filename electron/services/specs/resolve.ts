// A part of a spec with its local $refs replaced by what they point at, for comparing operations
// (a change in a referenced schema changes every operation using it) and for the JSON schemas of
// generated tests. A ref that comes back to itself (a recursive schema) stays a ref, or for tests
// becomes "anything"; depth and size are bounded.
import { isObject, pointerTokens } from '../formats/openapi/pointer.js';
import { valueAt } from './where.js';

const MAX_DEPTH = 40;
const MAX_NODES = 20_000;

export interface ResolveOptions {
  /** What a recursive ref becomes (default: the ref itself). */
  cycle?: (ref: string) => unknown;
}

export function resolveRefs(doc: unknown, value: unknown, options: ResolveOptions = {}): unknown {
  let nodes = 0;
  const walk = (node: unknown, onPath: string[], depth: number): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return {};
    if (Array.isArray(node)) return node.map((n) => walk(n, onPath, depth + 1));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const ref = node.$ref;
      if (onPath.includes(ref)) return options.cycle ? options.cycle(ref) : { $ref: ref };
      const tokens = pointerTokens(ref);
      const target = tokens === undefined ? undefined : valueAt(doc, tokens);
      if (target === undefined) return { $ref: ref };
      return walk(target, [...onPath, ref], depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = walk(child, onPath, depth + 1);
    return out;
  };
  return walk(value, [], 0);
}

/** JSON with object keys sorted, so two equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

const OPENAPI_ONLY = new Set(['example', 'examples', 'xml', 'discriminator', 'externalDocs', 'deprecated']);

/**
 * An OpenAPI schema as plain JSON Schema for pm's jsonSchema assertion (ajv, draft-07): `nullable`
 * (3.0) becomes a type that also allows null, OpenAPI-only keywords go, refs are inlined and a
 * recursive one accepts anything.
 */
export function toJsonSchema(doc: unknown, schema: unknown): unknown {
  const inlined = resolveRefs(doc, schema, { cycle: () => ({}) });
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      if (OPENAPI_ONLY.has(key) || key === 'nullable' || key.startsWith('x-')) continue;
      // `properties` maps names to schemas: a property may be called "example".
      out[key] = key === 'properties' && isObject(child) ? Object.fromEntries(Object.entries(child).map(([k, v]) => [k, convert(v)])) : convert(child);
    }
    if (node.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    }
    return out;
  };
  return convert(inlined);
}
