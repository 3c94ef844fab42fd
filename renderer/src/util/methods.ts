export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** The CSS class that colours a method badge. */
export function methodClass(method: string | undefined): string {
  const m = (method ?? 'GET').toUpperCase();
  return (STANDARD_METHODS as readonly string[]).includes(m) ? `method-${m.toLowerCase()}` : 'method-custom';
}

export function methodLabel(method: string | undefined): string {
  const m = (method ?? 'GET').toUpperCase();
  if (m === 'DELETE') return 'DEL';
  if (m === 'OPTIONS') return 'OPT';
  return m.length > 6 ? m.slice(0, 6) : m;
}
