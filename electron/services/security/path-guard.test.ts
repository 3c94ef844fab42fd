import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from './path-guard.js';

describe('isInside', () => {
  const dir = path.resolve('/home/u/.courier/data/responses');
  it('accepts files below the folder', () => {
    expect(isInside(dir, path.join(dir, 'a.bin'))).toBe(true);
    expect(isInside(dir, 'sub/b.bin')).toBe(true);
  });
  it('refuses escapes, siblings with a common prefix and NUL bytes', () => {
    expect(isInside(dir, path.join(dir, '..', 'x'))).toBe(false);
    expect(isInside(dir, '/etc/passwd')).toBe(false);
    expect(isInside(dir, dir + '-evil/x')).toBe(false);
    expect(isInside(dir, path.join(dir, 'a\0.bin'))).toBe(false);
  });
});
