// Small helpers shared by the pm modules (they run inside the sandbox: no Node, no DOM).

export const isObjectLike = (v: unknown): v is Record<PropertyKey, unknown> =>
  v !== null && (typeof v === 'object' || typeof v === 'function');

export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
};

/** A value as a variable's text: strings as they are, objects as JSON, nothing as ''. */
export function toVariableText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'object' || typeof value === 'function') {
    try {
      const json = JSON.stringify(value);
      if (typeof json === 'string') return json;
    } catch {
      // fall through to String()
    }
  }
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** String(value) that never throws (a hostile toString gives a placeholder). */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[unprintable]';
  }
}

/** "TypeError: message" for anything thrown (a failed test's assertion: just the message). */
export function errorText(err: unknown, bareAssertion = true): string {
  if (err !== null && typeof err === 'object') {
    try {
      const e = err as { name?: unknown; message?: unknown };
      const name = typeof e.name === 'string' ? e.name : 'Error';
      const message = typeof e.message === 'string' ? e.message : safeString(err);
      return name === 'AssertionError' && bareAssertion ? message : message ? `${name}: ${message}` : name;
    } catch {
      return 'Error';
    }
  }
  return safeString(err);
}

export const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
};

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length - max} more characters)`;
}

/** lodash-style path: 'a.b[0].c' or ['a', 'b']. */
export function toPath(path: unknown): string[] {
  if (Array.isArray(path)) return path.map((p) => String(p));
  const out: string[] = [];
  String(path).replace(/[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g, (match, num, quote, sub) => {
    out.push(quote ? String(sub).replace(/\\(\\)?/g, '$1') : num !== undefined ? num : match);
    return '';
  });
  return out;
}

export function pathGet(obj: unknown, path: unknown): { found: boolean; value: unknown } {
  let cur: unknown = obj;
  for (const key of toPath(path)) {
    if (!isObjectLike(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return { found: false, value: undefined };
    cur = (cur as Record<string, unknown>)[key];
  }
  return { found: true, value: cur };
}
