// JSON text → value, with a parse error that says where it is (line and column), for importers.
import { badInput } from '../../../shared/errors.js';

const POSITION = /at position (\d+)/;
/** Above this size a position V8 does not give is not searched for (the message stands alone). */
const SEARCH_LIMIT = 5 * 1024 * 1024;

let last: { text: string; value: unknown } | undefined;

/** Parses JSON (a BOM is dropped); the last text parsed is remembered, as detection and parse both ask. */
export function parseJsonText(text: string, name: string): unknown {
  if (last?.text === text) return last.value;
  const clean = text.replace(/^\uFEFF/, '');
  try {
    const value: unknown = JSON.parse(clean);
    last = { text, value };
    return value;
  } catch (err) {
    const message = (err as Error).message;
    const at = errorOffset(clean, message);
    throw badInput(`${name}: not valid JSON (${message})${at === undefined ? '' : ` at ${lineColumn(clean, at)}`}`);
  }
}

/** JSON that parses, or undefined: for `detect`, which must not throw. */
export function tryJson(text: string): unknown {
  try {
    return parseJsonText(text, '');
  } catch {
    return undefined;
  }
}

export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function errorOffset(text: string, message: string): number | undefined {
  const m = POSITION.exec(message);
  if (m) return Math.min(Number(m[1]), text.length);
  if (/end of JSON input/.test(message)) return text.length;
  if (text.length > SEARCH_LIMIT) return undefined;
  // V8 names the token but not where it is: the shortest prefix that fails for a reason other
  // than ending early holds it as its last character.
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (err) {
    const message = (err as Error).message;
    if (/end of JSON input/.test(message)) return false;
    const m = POSITION.exec(message);
    return m ? Number(m[1]) < prefix.length : true;
  }
}
