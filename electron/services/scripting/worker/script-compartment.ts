// The Compartment one script runs in: a fresh one per script, made and warmed up while the worker
// waits for the next job, so a script does not pay for it.
//
// Why fresh, not one reused and reset: a script can leave a function behind in a shared library's
// internal state (moment.updateLocale, for one), and that function can later run during another
// script. It finds its free names (globalThis, pm, …) in the compartment it was made in; with one
// reused compartment that would be the other script's world — its pm, its variables. A fresh
// compartment per script keeps such a function inside the world of the script that made it.
//
// What makes it cheap: SES builds a compartment's evaluator on its first evaluate() (~50 µs), and
// with `sloppyGlobalsMode` it builds a new one on every evaluate() call. Here the evaluator is built
// while idle (warm-up), and sloppy globals (`x = 1` without a declaration makes a global, as in
// Postman) come instead from the global object's prototype: a Proxy that claims every name, reads
// unknown ones as undefined (as SES's own scope terminator does) and turns assignment to an
// unknown name into a new configurable property of the global object. Compiling a script is then
// a parse, a few µs.

export type ScriptFn = (this: unknown) => unknown;

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

  constructor(baseGlobals: Record<string, unknown>) {
    this.#compartment = new Compartment({ globals: baseGlobals, __options__: true });
    this.global = this.#compartment.globalThis as Record<PropertyKey, unknown>;
    Object.setPrototypeOf(this.global, sloppyGlobalsPrototype(this.global));
    this.#compartment.evaluate('0'); // builds the evaluator now, not at the script's compile
  }

  /**
   * The script as a function of this compartment (a function body, as Postman runs scripts: a
   * top-level `return` ends it). Throws the SyntaxError of a script that does not parse.
   */
  compile(source: string, isAsync: boolean): ScriptFn {
    return this.#compartment.evaluate(`(${isAsync ? 'async ' : ''}function () {\n${source}\n})`, {
      __rejectSomeDirectEvalExpressions__: false,
    }) as ScriptFn;
  }
}
