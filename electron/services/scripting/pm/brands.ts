// Which objects are pm.request / pm.response (for chai's postman assertions), without instanceof
// (a script could forge a prototype chain, not a private field). response.ts and request.ts
// register their private-field brand checks here; this module breaks the import cycle with chai.
export const brands = {
  isResponse: (_v: unknown): boolean => false,
  isRequest: (_v: unknown): boolean => false,
};

export const isResponse = (v: unknown): boolean => typeof v === 'object' && v !== null && brands.isResponse(v);
export const isRequest = (v: unknown): boolean => typeof v === 'object' && v !== null && brands.isRequest(v);
