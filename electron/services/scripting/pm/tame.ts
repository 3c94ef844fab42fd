// Freezing a shared library without breaking it. Libraries are loaded once per worker and shared
// by every script, so they must be frozen (a script must not poison lodash or chai for the next
// one). A plain harden() breaks libraries that build objects by prototype inheritance and then
// assign own properties on the heirs (crypto-js's `subtype.init = …`, the "override mistake").
// So, before hardening, each writable data property becomes a getter/setter pair: reading gives
// the value, assigning on the shared object itself throws, and assigning on an heir defines an
// own property there — as SES does for the intrinsics with overrideTaming.

const isIndex = (key: PropertyKey) => typeof key === 'string' && /^(?:0|[1-9]\d*)$/.test(key);

/**
 * A bundled ES module namespace (esbuild's `__export`/`__toCommonJS`): every property is an
 * enumerable getter without a setter. harden() freezes the getters but not what they return, so
 * those values are walked too. Other getters are not called (a chai property getter run on the
 * prototype would write flags onto it).
 */
function isNamespace(descriptors: Record<PropertyKey, PropertyDescriptor>): boolean {
  const keys = Reflect.ownKeys(descriptors).filter((k) => k !== '__esModule' && k !== Symbol.toStringTag);
  return keys.length > 0 && keys.every((k) => {
    const d = descriptors[k as string];
    return typeof d.get === 'function' && d.set === undefined && d.enumerable;
  });
}

export function hardenTolerant<T>(root: T): T {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  /** Values only reachable through namespace getters: harden(root) would not reach them. */
  const behindGetters: unknown[] = [];
  while (stack.length > 0) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) continue;
    if (seen.has(obj) || Object.isFrozen(obj)) continue;
    seen.add(obj);
    const isArray = Array.isArray(obj);
    const descriptors = Object.getOwnPropertyDescriptors(obj);
    if (isNamespace(descriptors)) {
      for (const key of Reflect.ownKeys(descriptors)) {
        try {
          const value = (obj as Record<PropertyKey, unknown>)[key];
          stack.push(value);
          behindGetters.push(value);
        } catch {
          // a namespace binding not initialised yet
        }
      }
    }
    for (const key of Reflect.ownKeys(descriptors)) {
      const d = descriptors[key as keyof typeof descriptors] as PropertyDescriptor;
      if ('value' in d) {
        stack.push(d.value);
        if (d.writable && d.configurable && !isArray && !isIndex(key)) {
          const value = d.value;
          const target = obj;
          Object.defineProperty(obj, key, {
            get() {
              return value;
            },
            set(this: unknown, next: unknown) {
              if (this === target || this === null || (typeof this !== 'object' && typeof this !== 'function')) {
                throw new TypeError(`Cannot assign to read only property '${String(key)}' of a shared library object`);
              }
              Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
            },
            enumerable: d.enumerable,
            configurable: false,
          });
        }
      } else {
        stack.push(d.get, d.set);
      }
    }
    stack.push(Object.getPrototypeOf(obj));
  }
  for (const value of behindGetters) harden(value);
  return harden(root);
}

/**
 * Libraries also keep classes that their exports do not reach (cheerio defines its Cheerio class
 * inside load(); Ajv's code generator classes are internal), and a script reaches them through an
 * instance: Object.getPrototypeOf($('a')). So the worker exercises each library once after loading
 * it and passes what came out here: every prototype object reachable from those samples (an
 * object whose own `constructor.prototype` is itself) is hardened like the exports. The samples'
 * own state is not frozen.
 */
export function hardenPrototypesFrom(samples: unknown[], limit = 100_000): void {
  const seen = new Set<unknown>();
  const stack = samples.slice();
  const prototypes: object[] = [];
  while (stack.length > 0 && seen.size < limit) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) continue;
    if (seen.has(obj) || Object.isFrozen(obj)) continue;
    seen.add(obj);
    let descriptors: Record<PropertyKey, PropertyDescriptor>;
    try {
      descriptors = Object.getOwnPropertyDescriptors(obj);
    } catch {
      continue;
    }
    const ctor = Object.getOwnPropertyDescriptor(descriptors, 'constructor')?.value as PropertyDescriptor | undefined;
    if (ctor && typeof ctor.value === 'function' && (ctor.value as { prototype?: unknown }).prototype === obj) prototypes.push(obj);
    for (const key of Reflect.ownKeys(descriptors)) {
      const d = descriptors[key as string];
      if ('value' in d) stack.push(d.value);
    }
    try {
      stack.push(Object.getPrototypeOf(obj));
    } catch {
      // a Proxy
    }
  }
  for (const p of prototypes) hardenTolerant(p);
}
