// The Compartment scripts run in, one per sandbox worker, reused from script to script and put
// back exactly as it was made between them (reset()). Making a Compartment and its first
// evaluator costs SES ~100 µs; reusing one makes a compile ~5 µs, and the same source text (a
// collection-level script, the next iteration) is compiled once.
//
// What keeps scripts apart when they share it:
// - Everything reachable from its global object but the object itself is frozen (SES lockdown, the
//   hardened base globals, the per-compartment Function/eval/Compartment), so the only state a
//   script can leave is on the global object: own properties, their attributes, extensibility and
//   its prototype. reset() compares all of them with the pristine snapshot, deletes what was added
//   and restores what was changed; when that is impossible (a script froze the global object or
//   made a property non-configurable) it answers false and the worker throws the compartment away.
// - A script cannot run after it finished: the worker cancels its timers and drops answers to its
//   host calls, and SES gives scripts no FinalizationRegistry, WeakRef or Atomics.
//
// Sloppy globals (`x = 1` without a declaration makes a global, as in Postman) come from the
// global object's prototype: a Proxy that claims every name, reads unknown ones as undefined (as
// SES's own scope terminator does) and turns assignment to an unknown name into a new configurable
// property of the global object. SES's `sloppyGlobalsMode` does the same but builds a new
// evaluator for every evaluate() call, which is most of the cost this module removes.

export type ScriptFn = (this: unknown) => unknown;

const MAX_CACHED = 100;

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

/** The prototype of the global object: sloppy-mode globals, Object.prototype's members still inherited. */
function sloppyGlobalsPrototype(global: object): object {
  const target = Object.freeze(Object.create(Object.prototype) as object);
  return new Proxy(target, {
    has: () => true,
    get: (t, prop, receiver) => (prop in t ? Reflect.get(t, prop, receiver) : undefined),
    set: (t, prop, value, receiver) => {
      if (receiver === global && !(prop in t)) {
        return Reflect.defineProperty(global, prop, { value, writable: true, enumerable: true, configurable: true });
      }
      return Reflect.set(t, prop, value, receiver);
    },
  });
}

export class ScriptCompartment {
  readonly #compartment: Compartment;
  readonly global: Record<PropertyKey, unknown>;
  readonly #prototype: object;
  readonly #pristine = new Map<PropertyKey, PropertyDescriptor>();
  readonly #compiled = new Map<string, ScriptFn>();

  constructor(baseGlobals: Record<string, unknown>) {
    this.#compartment = new Compartment({ globals: baseGlobals, __options__: true });
    this.global = this.#compartment.globalThis as Record<PropertyKey, unknown>;
    this.#prototype = sloppyGlobalsPrototype(this.global);
    Object.setPrototypeOf(this.global, this.#prototype);
    for (const key of Reflect.ownKeys(this.global)) this.#pristine.set(key, Object.getOwnPropertyDescriptor(this.global, key)!);
  }

  /**
   * The script as a function of this compartment (a function body, as Postman runs scripts: a
   * top-level `return` ends it). `source` is what SES evaluates; `key` is the script's own text.
   * Throws the SyntaxError of a script that does not parse.
   */
  compile(key: string, isAsync: boolean, source: () => string): ScriptFn {
    const cacheKey = `${isAsync ? 'a' : 's'}${key}`;
    const cached = this.#compiled.get(cacheKey);
    if (cached) return cached;
    const fn = this.#compartment.evaluate(`(${isAsync ? 'async ' : ''}function () {\n${source()}\n})`, {
      __rejectSomeDirectEvalExpressions__: false,
    }) as ScriptFn;
    if (this.#compiled.size >= MAX_CACHED) this.#compiled.clear();
    this.#compiled.set(cacheKey, fn);
    return fn;
  }

  /**
   * Puts the global object back as it was made. False when a script made that impossible; the
   * compartment must then not be used again.
   */
  reset(): boolean {
    const g = this.global;
    if (!Object.isExtensible(g)) return false;
    if (Object.getPrototypeOf(g) !== this.#prototype && !Reflect.setPrototypeOf(g, this.#prototype)) return false;
    for (const key of Reflect.ownKeys(g)) {
      const pristine = this.#pristine.get(key);
      if (!pristine) {
        if (!Reflect.deleteProperty(g, key)) return false;
        continue;
      }
      const now = Object.getOwnPropertyDescriptor(g, key)!;
      if (!sameDescriptor(now, pristine) && !Reflect.defineProperty(g, key, pristine)) return false;
    }
    for (const [key, pristine] of this.#pristine) {
      if (!Object.prototype.hasOwnProperty.call(g, key) && !Reflect.defineProperty(g, key, pristine)) return false;
    }
    return true;
  }
}
