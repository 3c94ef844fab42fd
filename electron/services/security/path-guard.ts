// Path guards: a file the UI names must stay inside the folder the app meant.
import path from 'node:path';

/** True when `candidate` resolves to `dir` itself or something below it (no `..` escape). */
export function isInside(dir: string, candidate: string): boolean {
  if (candidate.includes('\0')) return false;
  const rel = path.relative(path.resolve(dir), path.resolve(dir, candidate));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
