// An example value for a JSON Schema (OpenAPI's dialect): the schema's own example, examples,
// default, const or first enum value when it has one, else a value built from its type. A schema
// that refers back to itself stops where the cycle closes; depth and size are bounded, so a
// wide or deep schema cannot make an import slow. Built for one direction, as OpenAPI means
// readOnly and writeOnly (and as Prism mocks them): a request example leaves out readOnly
// properties (an id the server assigns), a response example leaves out writeOnly ones (a password).
import { appendPointer, isObject } from './pointer.js';
import type { Resolver } from './resolver.js';

const MAX_DEPTH = 8;
const MAX_NODES = 2_000;

/** What the example is for: a request sent to the API, or a response it answers with. */
export type ExampleDirection = 'request' | 'response';

interface Walk {
  resolver: Resolver;
  direction: ExampleDirection;
  nodes: number;
}

export function exampleFromSchema(schema: unknown, at: string, resolver: Resolver, direction: ExampleDirection): unknown {
  return build(schema, at, { resolver, direction, nodes: 0 }, 0, []);
}

/** Whether a property does not travel in this direction: readOnly in a request, writeOnly in a response. */
function leftOut(prop: unknown, at: string, walk: Walk): boolean {
  const s = walk.resolver.resolve(prop, at).value;
  if (!isObject(s)) return false;
  return walk.direction === 'request' ? s.readOnly === true : s.writeOnly === true;
}

function build(schema: unknown, at: string, walk: Walk, depth: number, onPath: string[]): unknown {
  if (++walk.nodes > MAX_NODES || depth > MAX_DEPTH) return undefined;
  const resolved = walk.resolver.resolve(schema, at);
  // A ref already being expanded above: a circular schema, cut here.
  if (resolved.refs.some((r) => onPath.includes(r))) return undefined;
  const s = resolved.value;
  if (!isObject(s)) return undefined;
  const path = [...onPath, ...resolved.refs];
  const here = resolved.at;
  const given = givenExample(s);
  if (given !== undefined) return given.value;
  for (const key of ['allOf'] as const) {
    const parts = s[key];
    if (Array.isArray(parts)) {
      const merged: Record<string, unknown> = {};
      parts.forEach((p, i) => {
        const value = build(p, appendPointer(here, key, i), walk, depth + 1, path);
        if (isObject(value)) Object.assign(merged, value);
      });
      const own = isObject(s.properties) ? build({ ...s, allOf: undefined }, here, walk, depth + 1, path) : undefined;
      return isObject(own) ? { ...merged, ...own } : merged;
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) return build(options[0], appendPointer(here, key, 0), walk, depth + 1, path);
  }
  switch (schemaType(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = isObject(s.properties) ? s.properties : {};
      for (const [name, prop] of Object.entries(props)) {
        const propAt = appendPointer(here, 'properties', name);
        if (leftOut(prop, propAt, walk)) continue;
        const value = build(prop, propAt, walk, depth + 1, path);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'array': {
      const item = build(s.items, appendPointer(here, 'items'), walk, depth + 1, path);
      return item === undefined ? [] : [item];
    }
    case 'string':
      return stringExample(typeof s.format === 'string' ? s.format : '');
    case 'integer':
      return numberExample(s, true);
    case 'number':
      return numberExample(s, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function givenExample(s: Record<string, unknown>): { value: unknown } | undefined {
  if (s.example !== undefined) return { value: s.example };
  if (Array.isArray(s.examples) && s.examples.length > 0) return { value: s.examples[0] };
  if (s.default !== undefined) return { value: s.default };
  if (s.const !== undefined) return { value: s.const };
  if (Array.isArray(s.enum) && s.enum.length > 0) return { value: s.enum[0] };
  return undefined;
}

function schemaType(s: Record<string, unknown>): string | undefined {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (typeof type === 'string') return type;
  if (isObject(s.properties)) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}

const STRING_FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'U3RyaW5n',
  binary: '',
  password: 'password',
};

function stringExample(format: string): string {
  return STRING_FORMATS[format] ?? 'string';
}

type Bound = { value: number; exclusive: boolean };

/** A bound as 3.1 writes it (`exclusiveMinimum: 0`) or as 3.0 does (`minimum: 0, exclusiveMinimum: true`). */
function boundOf(inclusive: unknown, exclusive: unknown): Bound | undefined {
  if (typeof exclusive === 'number') return { value: exclusive, exclusive: true };
  if (typeof inclusive === 'number') return { value: inclusive, exclusive: exclusive === true };
  return undefined;
}

const fits = (n: number, lo?: Bound, hi?: Bound) =>
  (!lo || (lo.exclusive ? n > lo.value : n >= lo.value)) && (!hi || (hi.exclusive ? n < hi.value : n <= hi.value));

/** 0 when the schema allows it, else the nearest value inside its bounds (a multiple of multipleOf where one fits). */
function numberExample(s: Record<string, unknown>, integer: boolean): number {
  const lo = boundOf(s.minimum, s.exclusiveMinimum);
  const hi = boundOf(s.maximum, s.exclusiveMaximum);
  const step = typeof s.multipleOf === 'number' && s.multipleOf > 0 ? s.multipleOf : integer ? 1 : undefined;
  if (fits(0, lo, hi)) return 0;
  const from = lo ? lo.value : (hi as Bound).value;
  const up = Boolean(lo);
  if (step !== undefined) {
    // The first multiple of the step past the bound, going inwards.
    let n = (up ? Math.ceil(from / step) : Math.floor(from / step)) * step;
    if (!fits(n, lo, hi)) n += up ? step : -step;
    if (fits(n, lo, hi)) return n;
  }
  if (lo && hi) return (lo.value + hi.value) / 2;
  return up ? (lo!.exclusive ? from + 1 : from) : hi!.exclusive ? from - 1 : from;
}
