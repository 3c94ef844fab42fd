// An operation's security, as Prism checks it: the request must carry what one of the
// requirements asks for (an Authorization header of the right scheme, an API key in its header,
// query or cookie); an empty requirement (`{}`) makes the operation open. Only presence is
// checked: a mock has no users. Otherwise 401 with WWW-Authenticate naming what was expected.
import { appendPointer, isObject } from '../formats/openapi/pointer.js';
import type { Resolver } from '../formats/openapi/resolver.js';
import { problemResponse } from './problem.js';
import type { MockRequest, MockResponse } from './types.js';

export interface SecurityScheme {
  name: string;
  type: string;
  /** http: basic, bearer, digest… */
  scheme?: string;
  /** apiKey: where and under what name. */
  in?: string;
  key?: string;
}

/** Each alternative: all of its schemes must be satisfied. An empty alternative means no security. */
export type SecurityAlternatives = SecurityScheme[][];

/** The security an operation needs (its own `security`, else the document's), schemes resolved. */
export function readSecurity(doc: Record<string, unknown>, op: Record<string, unknown>, resolver: Resolver): SecurityAlternatives {
  const requirements = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return requirements.filter(isObject).map((requirement) =>
    Object.keys(requirement).flatMap((name) => {
      const at = appendPointer('#', 'components', 'securitySchemes', name);
      const s = schemes[name] === undefined ? undefined : resolver.object(schemes[name], at, 'a security scheme').value;
      if (!s) return [];
      return [{ name, type: String(s.type), scheme: typeof s.scheme === 'string' ? s.scheme.toLowerCase() : undefined, in: typeof s.in === 'string' ? s.in : undefined, key: typeof s.name === 'string' ? s.name : undefined }];
    }),
  );
}

function cookieNames(header: string | undefined): Set<string> {
  return new Set((header ?? '').split(';').map((p) => p.split('=')[0].trim()).filter(Boolean));
}

function satisfied(s: SecurityScheme, req: MockRequest): boolean {
  const authorization = (req.headers.authorization ?? '').trim().toLowerCase();
  switch (s.type) {
    case 'http':
      return s.scheme ? authorization.startsWith(`${s.scheme} `) : authorization !== '';
    case 'apiKey':
      if (!s.key) return true;
      if (s.in === 'header') return req.headers[s.key.toLowerCase()] !== undefined;
      if (s.in === 'query') return req.query.has(s.key);
      if (s.in === 'cookie') return cookieNames(req.headers.cookie).has(s.key);
      return true;
    case 'oauth2':
    case 'openIdConnect':
      return authorization.startsWith('bearer ');
    default:
      return true; // mutualTLS and unknown types: nothing a mock can check
  }
}

function expected(s: SecurityScheme): string {
  if (s.type === 'http') return `an Authorization header with the ${s.scheme ?? 'http'} scheme`;
  if (s.type === 'apiKey') return `the API key ${s.in === 'query' ? 'query parameter' : s.in ?? 'header'} \`${s.key ?? s.name}\``;
  return 'an Authorization header with a Bearer token';
}

function challenge(s: SecurityScheme): string {
  if (s.type === 'http') return s.scheme === 'basic' ? 'Basic realm="*"' : s.scheme === 'bearer' ? 'Bearer' : (s.scheme ?? 'Bearer');
  if (s.type === 'apiKey') return `${s.in === 'query' ? 'Query' : s.in === 'cookie' ? 'Cookie' : 'Header'} realm="${s.key ?? s.name}"`;
  return 'Bearer';
}

/** undefined when the request carries what one alternative asks for; else the 401. */
export function checkSecurity(alternatives: SecurityAlternatives, req: MockRequest, operation: string): MockResponse | undefined {
  if (alternatives.length === 0 || alternatives.some((all) => all.every((s) => satisfied(s, req)))) return undefined;
  const missing = alternatives.map((all) => all.filter((s) => !satisfied(s, req)).map(expected).join(' and '));
  const problems = [`the request has no credentials ${operation} accepts: it needs ${missing.join(', or ')}`];
  const schemes = [...new Set(alternatives.flat().map(challenge))];
  return problemResponse(401, 'Unauthorized', `The request does not carry the credentials ${operation} requires`, problems, {
    headers: { 'www-authenticate': schemes.join(', ') },
    match: operation,
  });
}
