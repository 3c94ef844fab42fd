// The path guard for files the user stores in the workspace (multipart and binary bodies): a name
// from the outside world becomes one harmless file name, and the final path is checked to lie
// inside the workspace's files folder. Pure: string work plus node:path, no file system access.
import path from 'node:path';

/** Longest name kept, in UTF-16 units (file systems allow 255 bytes; the UUID prefix takes 37). */
export const MAX_NAME_LENGTH = 180;

// Control characters (NUL included) and characters Windows, macOS or Linux refuse in file names.
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"|?*]/g;

/**
 * Makes a user-supplied file name safe to use as one path segment: only the last segment of a path
 * is kept (`../../etc/passwd` → `passwd`, `a\b` → `b`), control and reserved characters become
 * `_` (NUL bytes are dropped), leading dots and trailing dots/spaces go (no `..`, no hidden files),
 * and long names are shortened keeping the extension. Never answers an empty string.
 */
export function sanitizeFileName(name: string): string {
  let base = name.replace(/\u0000/g, '');
  base = base.split(/[/\\]/).pop() ?? '';
  base = base.replace(FORBIDDEN, '_').trim();
  base = base.replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (base.length > MAX_NAME_LENGTH) {
    const ext = path.extname(base);
    const keepExt = ext.length > 0 && ext.length <= 20 ? ext : '';
    // Never cut a surrogate pair in half.
    base = base.slice(0, MAX_NAME_LENGTH - keepExt.length).replace(/[\uD800-\uDBFF]$/, '') + keepExt;
  }
  return base === '' ? 'file' : base;
}

/** `dir/segment`, refusing anything that would not be a direct child of `dir`. */
export function childPath(dir: string, segment: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, segment);
  if (path.dirname(full) !== root || segment.includes('\u0000')) {
    throw new Error(`Refusing a file name that leaves the files folder: ${JSON.stringify(segment)}`);
  }
  return full;
}
