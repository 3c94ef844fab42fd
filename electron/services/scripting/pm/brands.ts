// Which objects are pm.request / pm.response (for chai's postman assertions), without instanceof
// (a script could forge a prototype chain, not an entry in these sets).
export const responses = new WeakSet<object>();
export const requests = new WeakSet<object>();

export const isResponse = (v: unknown): boolean => typeof v === 'object' && v !== null && responses.has(v);
export const isRequest = (v: unknown): boolean => typeof v === 'object' && v !== null && requests.has(v);
