// Path parameters as collection variables. Requests have no path variables of their own (a
// RequestSpec is a URL with rows), so `/pets/{petId}` becomes `{{petId}}` and the collection gets a
// `petId` variable, valued the way Postman's OpenAPI import values it: the parameter's example,
// examples, schema example, default or first enum value, else a value generated from its schema.
import type { Variable } from '../../../../shared/model.js';
import type { Parameter } from './request-parts.js';

interface Chosen {
  value: string;
  given: boolean;
}

export class PathVariables {
  private readonly chosen = new Map<string, Chosen>();

  /**
   * Records an operation's path parameters. Operations come in document order, and when several
   * name the same parameter (`{id}` under /pets and /owners) one value is kept, deterministically:
   * the first value the spec gives, in document order; failing that, the first generated one. A
   * value the spec gives beats a generated one even from a later operation, since it is more likely
   * to be one the API (or its mock) accepts.
   */
  add(path: string, params: Parameter[]): void {
    for (const p of params) {
      if (p.in !== 'path') continue;
      const value = p.given ? p.value : (p.generated ?? '');
      const before = this.chosen.get(p.name);
      if (before === undefined || (!before.given && p.given === true)) this.chosen.set(p.name, { value, given: p.given === true });
    }
    // A {name} in the path the operation never declares still becomes {{name}}: an empty variable
    // shows the user what to fill in.
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) if (!this.chosen.has(name)) this.chosen.set(name, { value: '', given: false });
  }

  /** The variables, leaving out names the collection already has (baseUrl, an auth secret). */
  variables(taken: Iterable<string>): Variable[] {
    const have = new Set(taken);
    return [...this.chosen].filter(([key]) => !have.has(key)).map(([key, { value }]) => ({ key, value, enabled: true, secret: false }));
  }
}
