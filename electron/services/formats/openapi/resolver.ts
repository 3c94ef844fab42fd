// $ref resolution, lazily: a node is followed to what its `$ref` points at when it is read, so a
// circular schema costs nothing until something walks it, and whoever walks it bounds the depth.
// Local refs (`#/…`) are followed; any other (a file or URL) is reported and left out.
import { badInput } from '../../../../shared/errors.js';
import { isObject, pointerTokens } from './pointer.js';

/** Longest chain of refs to refs followed before the document is refused. */
export const MAX_REF_CHAIN = 64;

export interface Resolved {
  value: unknown;
  /** Where the value lives in the document (the last ref's target, or where it was read). */
  at: string;
  /** The local refs followed to reach it, in order. */
  refs: string[];
}

export class Resolver {
  readonly warnings: string[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly doc: unknown) {}

  /** The value at a local pointer, or an error naming the ref and where it was used. */
  target(ref: string, usedAt: string): unknown {
    const tokens = pointerTokens(ref);
    const nothing = () => badInput(`${usedAt}: the $ref "${ref}" points at nothing in the document`);
    if (tokens === undefined) throw ref.startsWith('#/') ? nothing() : badInput(`${usedAt}: the $ref "${ref}" is not a local reference`);
    let node: unknown = this.doc;
    for (const token of tokens) {
      if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
      else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
      else throw nothing();
    }
    return node;
  }

  /** Follows `value`'s $ref chain (if any) to the value it ends at. External refs resolve to undefined. */
  resolve(value: unknown, at: string): Resolved {
    const refs: string[] = [];
    let node = value;
    let where = at;
    while (isObject(node) && typeof node.$ref === 'string') {
      const ref = node.$ref;
      if (!ref.startsWith('#')) {
        this.warn(`${where}: the external $ref "${ref}" was not followed`);
        return { value: undefined, at: where, refs };
      }
      if (refs.includes(ref)) throw badInput(`${where}: the $ref "${ref}" refers to itself in a loop (${[...refs, ref].join(' → ')})`);
      if (refs.length >= MAX_REF_CHAIN) throw badInput(`${at}: a chain of more than ${MAX_REF_CHAIN} $refs, each to another $ref (stopped at ${where})`);
      refs.push(ref);
      node = this.target(ref, where);
      where = ref;
    }
    return { value: node, at: where, refs };
  }

  /** Like resolve, but the value must be an object (or absent). */
  object(value: unknown, at: string, what: string): { value: Record<string, unknown> | undefined; at: string } {
    if (value === undefined) return { value: undefined, at };
    const resolved = this.resolve(value, at);
    if (resolved.value === undefined) return { value: undefined, at: resolved.at };
    if (!isObject(resolved.value)) throw badInput(`${resolved.at}: ${what} must be an object`);
    return { value: resolved.value, at: resolved.at };
  }

  warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push(message);
  }
}
