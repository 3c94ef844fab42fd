// One module per auth type; this picks the module for a request's auth.
import type { Auth } from '../../../../shared/model.js';
import { apiKeyAuth } from './apikey.js';
import { basicAuth } from './basic.js';
import { bearerAuth } from './bearer.js';
import { noneAuth } from './none.js';
import { oauth2Auth } from './oauth2.js';
import type { AuthContext, AuthTarget } from './types.js';

export type { AuthContext, AuthTarget, TokenCache } from './types.js';

export async function applyAuth(auth: Auth, target: AuthTarget, ctx: AuthContext): Promise<void> {
  switch (auth.type) {
    // Callers resolve inheritance first (shared/resolve-request.ts effectiveAuth); an unresolved
    // `inherit` (a request with no parents) means no auth.
    case 'inherit':
    case 'none':
      return noneAuth.apply({ type: 'none' }, target, ctx);
    case 'basic':
      return basicAuth.apply(auth, target, ctx);
    case 'bearer':
      return bearerAuth.apply(auth, target, ctx);
    case 'apikey':
      return apiKeyAuth.apply(auth, target, ctx);
    case 'oauth2':
      return oauth2Auth.apply(auth, target, ctx);
  }
}

/** Lets an auth type react to the final response (OAuth 2.0 forgets a refused token). */
export function authSawResponse(auth: Auth, status: number, ctx: AuthContext): void {
  if (auth.type === 'oauth2') oauth2Auth.onResponse?.(auth, status, ctx);
}

/** An in-memory token cache for engines created without one. */
export function memoryTokenCache(): AuthContext['tokenCache'] {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v) };
}
