import { describe, expect, it } from 'vitest';
import { needsRewrite, rewriteForSes } from './rewrite.js';

// Evaluates `expr` the plain way and after rewriting: same value, and no sequence SES rejects.
function same(src: string): void {
  const out = rewriteForSes(src);
  expect(/<!--|-->|\bimport\s*(?:\(|\/[/*])/.test(out.replace(/\bimport\s*\(\s*['"]fs['"]\s*\)/g, ''))).toBe(false);
  expect(new Function(`return (${out});`)()).toEqual(new Function(`return (${src});`)());
}

describe('rewriteForSes', () => {
  it('leaves sources without the sequences alone', () => {
    expect(needsRewrite("pm.test('x', () => {})")).toBe(false);
    expect(needsRewrite("'<!-- x'")).toBe(true);
  });

  it('keeps string, template and regex values', () => {
    same("'<!-- a -->'");
    same('"x --> y"');
    same('`<!--${1 + 1}-->`');
    same('`a ${`<!--`} b`');
    same("/<!--(.*?)-->/.exec('<!-- c -->')[1]");
    same("'import(\"x\")'");
    same("[1, 2].map((n) => n / 2 > 0 ? '<!--' : '-->')");
  });

  it('splits the sequences in comments and spaces them in code', () => {
    expect(rewriteForSes('// <!-- a --> import(x)\n1')).toBe('// <!- - a - -> imp_ort(x)\n1');
    expect(rewriteForSes('/* --> */ 2')).toBe('/* - -> */ 2');
    let n = 3;
    const out = rewriteForSes('while (n-->0) {}');
    expect(out).toBe('while (n-- >0) {}');
    new Function('n', out)(n);
    n = 0;
  });

  it('leaves a real import() in code, for SES to reject', () => {
    expect(rewriteForSes("import('fs').then(() => '<!--')")).toBe("import('fs').then(() => '<\\x21--')");
  });

  it('tells a regex from a division', () => {
    same("4 / 2 + '<!--'.length / 2");
    same("(() => { const a = [8]; return a[0] / 2 / 2; })() + '-->'");
    same("typeof /-->/.source");
  });
});
