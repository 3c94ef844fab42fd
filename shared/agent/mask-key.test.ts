import { describe, expect, it } from 'vitest';
import { maskKey } from './mask-key.js';

describe('maskKey', () => {
  it('shows the first and last 4 characters only', () => {
    expect(maskKey('sk-proj-abcdefghijklmnop9xQz')).toBe('sk-p…9xQz');
    expect(maskKey('short-key')).toBe('••••');
    expect(maskKey(null)).toBeNull();
    expect(maskKey('')).toBeNull();
  });
});
