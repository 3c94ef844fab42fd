import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath, MAX_NAME_LENGTH, sanitizeFileName } from './safe-path.js';

describe('sanitizeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a/b', 'b'],
    ['a\\b\\c.txt', 'c.txt'],
    ['C:\\Windows\\system32\\x.dll', 'x.dll'],
    ['evil\u0000.txt', 'evil.txt'],
    ['\u0000', 'file'],
    ['..', 'file'],
    ['.', 'file'],
    ['', 'file'],
    ['   ', 'file'],
    ['dir/', 'file'],
    ['.bashrc', 'bashrc'],
    ['...secret', 'secret'],
    ['name. . ', 'name'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['tab\there\nnewline', 'tab_here_newline'],
    ['résumé 2024.docx', 'résumé 2024.docx'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('shortens long names and keeps the extension', () => {
    const out = sanitizeFileName('x'.repeat(1000) + '.json');
    expect(out).toHaveLength(MAX_NAME_LENGTH);
    expect(out.endsWith('.json')).toBe(true);
    const emoji = sanitizeFileName('😀'.repeat(200));
    expect(emoji.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(emoji).toMatch(/^(😀)+$/u);
  });

  it('always answers one plain path segment', () => {
    const tricky = ['../', '..\\..\\', '/abs/path', 'a/../../b', '\u0000/../x', '.. ', ' ../..', 'x/.', '%2e%2e%2f'];
    for (const name of tricky) {
      const out = sanitizeFileName(name);
      expect(out).not.toMatch(/[/\\\u0000]/);
      expect(out).not.toBe('..');
      expect(out.startsWith('.')).toBe(false);
      expect(path.dirname(childPath('/tmp/files', out))).toBe('/tmp/files');
    }
  });
});

describe('childPath', () => {
  it('answers a direct child and refuses anything else', () => {
    expect(childPath('/tmp/files', 'a.txt')).toBe(path.resolve('/tmp/files/a.txt'));
    for (const bad of ['../a', 'a/b', '..', '.', '', '/etc/passwd', 'x\u0000y']) {
      expect(() => childPath('/tmp/files', bad)).toThrow(/leaves the files folder/);
    }
  });
});
