// Which operation of a spec a request path is for: path templates (`/pets/{petId}`) matched
// segment by segment; when several match, the most specific wins (a literal segment beats a
// template one, the leftmost difference decides), as OpenAPI says concrete paths match first.
import type { SpecOperation } from './spec-model.js';

interface Segment {
  literal?: string;
  /** A whole-segment parameter (`{petId}`) or a segment mixing text and parameters (`{name}.json`). */
  pattern?: RegExp;
  names: string[];
}

interface Route {
  path: string;
  segments: Segment[];
  operations: Map<string, SpecOperation>;
}

export type RouteMatch =
  | { kind: 'found'; operation: SpecOperation; pathParams: Record<string, string> }
  | { kind: 'method'; path: string; allow: string[] }
  | { kind: 'none' };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileSegment(text: string): Segment {
  if (!text.includes('{')) return { literal: text, names: [] };
  const names: string[] = [];
  const source = text
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const name = /^\{([^}]*)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

const split = (path: string) => path.split('/').slice(1);

export class SpecRoutes {
  private readonly routes: Route[] = [];

  constructor(operations: SpecOperation[], private readonly basePaths: string[] = []) {
    const byPath = new Map<string, Route>();
    for (const op of operations) {
      let route = byPath.get(op.path);
      if (!route) {
        route = { path: op.path, segments: split(op.path).map(compileSegment), operations: new Map() };
        byPath.set(op.path, route);
        this.routes.push(route);
      }
      route.operations.set(op.method, op);
    }
  }

  match(method: string, rawPath: string): RouteMatch {
    const candidates = [rawPath, ...this.basePaths.filter((b) => rawPath === b || rawPath.startsWith(`${b}/`)).map((b) => rawPath.slice(b.length) || '/')];
    let wrongMethod: RouteMatch | undefined;
    for (const path of candidates) {
      const parts = split(path);
      const matches = this.routes
        .map((route) => ({ route, params: matchSegments(route.segments, parts) }))
        .filter((m): m is { route: Route; params: Record<string, string> } => m.params !== undefined)
        .sort((a, b) => moreSpecific(a.route, b.route));
      for (const { route, params } of matches) {
        const operation = route.operations.get(method) ?? (method === 'HEAD' ? route.operations.get('GET') : undefined);
        if (operation) return { kind: 'found', operation, pathParams: params };
        wrongMethod ??= { kind: 'method', path: route.path, allow: allowed(route) };
      }
    }
    return wrongMethod ?? { kind: 'none' };
  }
}

/** The methods a path answers: its operations, and HEAD wherever it has GET (served as GET without the body). */
function allowed(route: Route): string[] {
  const methods = [...route.operations.keys()];
  return methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'] : methods;
}

/** For two templates that match one path: the one with a literal segment where the other has a parameter goes first. */
function moreSpecific(a: Route, b: Route): number {
  for (let i = 0; i < a.segments.length; i++) {
    const la = a.segments[i].literal !== undefined;
    const lb = b.segments[i]?.literal !== undefined;
    if (la !== lb) return la ? -1 : 1;
  }
  return 0;
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment.literal !== undefined) {
      if (segment.literal !== part && safeDecode(part) !== segment.literal) return undefined;
      continue;
    }
    const m = segment.pattern!.exec(part);
    if (!m) return undefined;
    segment.names.forEach((name, j) => (params[name] = safeDecode(m[j + 1])));
  }
  return params;
}

/** A percent-encoded path segment as text; a malformed one stays as it came. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
