// JSON pointers (RFC 6901): how an import names the place in the document a problem is at.

export function pointer(parts: readonly (string | number)[]): string {
  return parts.length === 0 ? '#' : '#/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function appendPointer(base: string, ...parts: (string | number)[]): string {
  const tail = parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  return base === '#' ? `#/${tail}` : `${base}/${tail}`;
}

/**
 * The tokens of a local pointer such as `#/components/schemas/Pet`, or undefined for other refs
 * and for a broken %-escape (`#/components/schemas/A%`), which points at nothing.
 */
export function pointerTokens(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  try {
    return ref
      .slice(2)
      .split('/')
      .map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
