// OpenAPI security schemes → Courier's auth types. Secrets are never in a spec, so the values are
// {{variables}} (added to the collection, empty and secret) for the user to fill in.
import type { Auth, Variable } from '../../../../shared/model.js';
import { appendPointer, isObject } from './pointer.js';

export interface SecurityContext {
  schemes: Record<string, unknown>;
  /** Variables the chosen auths refer to, filled as they are used. */
  variables: Map<string, Variable>;
  warn: (message: string) => void;
}

const secret = (ctx: SecurityContext, key: string): string => {
  ctx.variables.set(key, { key, value: '', enabled: true, secret: true });
  return `{{${key}}}`;
};

/**
 * The auth for a `security` requirement list: none for an empty list, the first scheme Courier can
 * use otherwise, undefined when there is no requirement at all (the request inherits).
 */
export function authFor(security: unknown, ctx: SecurityContext, where: string): Auth | undefined {
  if (!Array.isArray(security)) return undefined;
  if (security.length === 0 || security.some((req) => isObject(req) && Object.keys(req).length === 0)) return { type: 'none' };
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = ctx.schemes[name];
      if (!isObject(scheme)) {
        ctx.warn(`${where}: the security scheme "${name}" is not defined in components.securitySchemes`);
        continue;
      }
      const auth = schemeAuth(name, scheme, Array.isArray(scopes) ? scopes.map(String) : [], ctx);
      if (auth) return auth;
    }
  }
  return undefined;
}

function schemeAuth(name: string, s: Record<string, unknown>, scopes: string[], ctx: SecurityContext): Auth | undefined {
  const scheme = typeof s.scheme === 'string' ? s.scheme.toLowerCase() : '';
  if (s.type === 'http' && scheme === 'bearer') return { type: 'bearer', token: secret(ctx, 'bearerToken') };
  if (s.type === 'http' && scheme === 'basic') return { type: 'basic', username: secret(ctx, 'username'), password: secret(ctx, 'password') };
  if (s.type === 'apiKey' && typeof s.name === 'string' && (s.in === 'header' || s.in === 'query')) {
    return { type: 'apikey', key: s.name, value: secret(ctx, 'apiKey'), in: s.in };
  }
  if (s.type === 'oauth2' && isObject(s.flows)) {
    const flows = s.flows;
    const flow = [flows.clientCredentials, flows.authorizationCode, flows.password].find((f) => isObject(f) && typeof f.tokenUrl === 'string');
    if (isObject(flow)) {
      if (!isObject(flows.clientCredentials)) ctx.warn(`${appendPointer('#/components/securitySchemes', name)}: the OAuth 2.0 scheme "${name}" is imported as client credentials, the grant Courier supports`);
      return {
        type: 'oauth2',
        grantType: 'client_credentials',
        accessTokenUrl: String(flow.tokenUrl),
        clientId: secret(ctx, 'clientId'),
        clientSecret: secret(ctx, 'clientSecret'),
        scope: scopes.join(' '),
        clientAuthentication: 'header',
      };
    }
  }
  ctx.warn(`${appendPointer('#/components/securitySchemes', name)}: the security scheme "${name}" (${String(s.type)}${scheme ? ` ${scheme}` : ''}) has no Courier equivalent; set its auth by hand`);
  return undefined;
}
