// Freezing a shared library without breaking it. Libraries are loaded once per worker and shared
// by every script, so they must be frozen (a script must not poison lodash or chai for the next
// one). A plain harden() breaks libraries that build objects by prototype inheritance and then
// assign own properties on the heirs (crypto-js's `subtype.init = …`, the "override mistake").
// So, before hardening, each writable data property becomes a getter/setter pair: reading gives
// the value, assigning on the shared object itself throws, and assigning on an heir defines an
// own property there — as SES does for the intrinsics with overrideTaming.

const isIndex = (key: PropertyKey) => typeof key === 'string' && /^(?:0|[1-9]\d*)$/.test(key);

export function hardenTolerant<T>(root: T): T {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) continue;
    if (seen.has(obj) || Object.isFrozen(obj)) continue;
    seen.add(obj);
    const isArray = Array.isArray(obj);
    const descriptors = Object.getOwnPropertyDescriptors(obj);
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
  return harden(root);
}
