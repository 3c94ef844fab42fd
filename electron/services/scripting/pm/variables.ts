// pm.globals, pm.collectionVariables, pm.environment, pm.iterationData and pm.variables.
// Values keep their type for the rest of the script (pm.environment.set('n', 5) → get gives 5) and
// leave the sandbox as text (objects as JSON), since the runner stores variables as strings.
// Keys live in a Map, so '__proto__' and 'constructor' are ordinary names.
import { toVariableText } from './util.js';

export type Lookup = (key: string) => { found: boolean; value?: unknown };

const VARIABLE = /\{\{([^{}]*?)\}\}/g;
const MAX_PASSES = 19;
const MAX_LENGTH = 8 * 1024 * 1024;

/** Postman's dynamic variables ({{$guid}}, {{$timestamp}}, …), the common ones. */
export function makeDynamicVariables(random: () => number, uuid: () => string): Record<string, () => unknown> {
  const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return {
    $guid: uuid,
    $randomUUID: uuid,
    $timestamp: () => Math.floor(Date.now() / 1000),
    $isoTimestamp: () => new Date().toISOString(),
    $randomInt: () => Math.floor(random() * 1001),
    $randomBoolean: () => random() < 0.5,
    $randomAlphaNumeric: () => alnum[Math.floor(random() * alnum.length)],
    $randomHexadecimal: () => Math.floor(random() * 16).toString(16),
  };
}

export function substitute(template: unknown, lookup: Lookup, dynamic: Record<string, () => unknown>): unknown {
  if (typeof template === 'string') {
    let out = template;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let changed = false;
      out = out.replace(VARIABLE, (match, name: string) => {
        const r = lookup(name);
        if (r.found) {
          changed = true;
          return toVariableText(r.value);
        }
        const gen = Object.prototype.hasOwnProperty.call(dynamic, name) ? dynamic[name] : undefined;
        if (gen) {
          changed = true;
          return toVariableText(gen());
        }
        return match;
      });
      if (!changed || out.length > MAX_LENGTH) break;
    }
    return out;
  }
  if (Array.isArray(template)) return template.map((v) => substitute(v, lookup, dynamic));
  if (template !== null && typeof template === 'object' && Object.getPrototypeOf(template) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) {
      Object.defineProperty(out, k, { value: substitute(v, lookup, dynamic), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }
  return template;
}

function toObject(map: Map<string, unknown>, into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of map) Object.defineProperty(into, k, { value: v, writable: true, enumerable: true, configurable: true });
  return into;
}

export class VariableScope {
  readonly #values: Map<string, unknown>;
  readonly #readOnly: boolean;
  readonly #what: string;
  readonly #dynamic: Record<string, () => unknown>;
  declare name?: string;

  constructor(values: Record<string, unknown>, options: { readOnly?: boolean; dynamic: Record<string, () => unknown>; what: string }) {
    this.#values = new Map(Object.entries(values ?? {}));
    this.#readOnly = options.readOnly === true;
    this.#what = options.what;
    this.#dynamic = options.dynamic;
  }

  #assertWritable(method: string): void {
    if (this.#readOnly) throw new TypeError(`${this.#what}.${method}: ${this.#what} is read-only`);
  }

  get(key: unknown): unknown {
    return this.#values.get(String(key));
  }

  has(key: unknown): boolean {
    return this.#values.has(String(key));
  }

  set(key: unknown, value: unknown): void {
    this.#assertWritable('set');
    if (key === undefined || key === null) throw new TypeError('set: a variable needs a name');
    this.#values.set(String(key), value);
  }

  unset(key: unknown): void {
    this.#assertWritable('unset');
    this.#values.delete(String(key));
  }

  clear(): void {
    this.#assertWritable('clear');
    this.#values.clear();
  }

  toObject(): Record<string, unknown> {
    return toObject(this.#values);
  }

  toJSON(): { values: { key: string; value: unknown; type: string }[] } {
    return { values: [...this.#values].map(([key, value]) => ({ key, value, type: typeof value === 'string' ? 'string' : 'any' })) };
  }

  replaceIn(template: unknown): unknown {
    return substitute(template, (k) => (this.#values.has(k) ? { found: true, value: this.#values.get(k) } : { found: false }), this.#dynamic);
  }

  /** For the result: every value as text. */
  snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.#values) {
      Object.defineProperty(out, k, { value: toVariableText(v), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  /** @internal */
  lookup(key: string): { found: boolean; value?: unknown } {
    return this.#values.has(key) ? { found: true, value: this.#values.get(key) } : { found: false };
  }

  /** @internal */
  entries(): IterableIterator<[string, unknown]> {
    return this.#values.entries();
  }
}

/** pm.variables: reads across scopes (local > data > environment > collection > globals), writes local. */
export class ScopedVariables {
  readonly #local: VariableScope;
  readonly #layers: VariableScope[];
  readonly #dynamic: Record<string, () => unknown>;

  constructor(local: VariableScope, layers: VariableScope[], dynamic: Record<string, () => unknown>) {
    this.#local = local;
    this.#layers = [local, ...layers];
    this.#dynamic = dynamic;
  }

  #lookup = (key: string): { found: boolean; value?: unknown } => {
    for (const scope of this.#layers) {
      const r = scope.lookup(key);
      if (r.found) return r;
    }
    return { found: false };
  };

  get(key: unknown): unknown {
    return this.#lookup(String(key)).value;
  }

  has(key: unknown): boolean {
    return this.#lookup(String(key)).found;
  }

  set(key: unknown, value: unknown): void {
    this.#local.set(key, value);
  }

  unset(key: unknown): void {
    this.#local.unset(key);
  }

  clear(): void {
    this.#local.clear();
  }

  toObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      for (const [k, v] of this.#layers[i].entries()) {
        Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
      }
    }
    return out;
  }

  replaceIn(template: unknown): unknown {
    return substitute(template, this.#lookup, this.#dynamic);
  }
}
