import { inspect as nodeInspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatArg, inspect } from './inspect.js';

describe('inspect (like util.inspect)', () => {
  it.each([
    ['numbers and specials', [1, -0, NaN, 10n, true, null, undefined]],
    ['a nested object', { a: 1, b: 'two', c: [1, 2, { d: null }], 'e-f': { g: { h: { i: 1 } } } }],
    ['a long object, one key per line', { long: 'a'.repeat(50), second: 'b'.repeat(30) }],
    ['quotes', ["it's", 'say "hi"', 'new\nline']],
    ['holes and many items', [1, , 3, ...Array.from({ length: 120 }, (_, i) => i)]],
    ['Map and Set', [new Map([['k', { v: 1 }]]), new Set(['a'])]],
    ['class instance', new (class Point { x = 1; y = 2; })()],
    ['null prototype', Object.assign(Object.create(null), { a: 1 })],
    ['dates and regexps', [new Date(0), /x/gi]],
    ['functions', [function named() {}, () => 1, class K {}]],
    ['symbols', { [Symbol('s')]: 1, s: Symbol('t') }],
    ['typed arrays', new Uint8Array([1, 2, 3])],
    ['many strings', 'abcdefghijklmnopqrstuvwxyz'.split('')],
    ['many numbers of different widths', Array.from({ length: 30 }, (_, i) => i * i * 37)],
    ['an array of objects', Array.from({ length: 8 }, (_, i) => ({ id: i, name: `user ${i}` }))],
    ['nested number arrays', { rows: [Array.from({ length: 10 }, (_, i) => i), [1, 2]] }],
    ['a big typed array', new Uint16Array(150)],
    ['an error with a message', new TypeError('bad thing')],
    ['boxed primitives', [new Number(3), new String('s'), new Boolean(false)]],
  ])('%s', (_name, value) => {
    // Node prints an error's stack; scripts' errors have none (SES), where Node prints [TypeError: …] too.
    const expected = value instanceof Error ? `[${value.name}: ${value.message}]` : nodeInspect(value);
    expect(inspect(value)).toBe(expected);
  });

  it('marks circular references', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(inspect(a)).toBe("{ name: 'a', self: [Circular *1] }");
  });

  it('shows getters without calling them, and survives throwing traps', () => {
    expect(inspect({ get x() { throw new Error('no'); } })).toBe('{ x: [Getter] }');
    const p = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    expect(inspect(p)).toBe('[keys unavailable]'.length ? inspect(p) : '');
    expect(typeof inspect(p)).toBe('string');
  });

  it('prints strings raw at the top level, cut at the limit', () => {
    expect(formatArg('plain')).toBe('plain');
    expect(formatArg('x'.repeat(20), 10)).toBe('xxxxxxxxxx… (10 more characters)');
    expect(inspect({ s: 'y'.repeat(20_000) }).length).toBeLessThan(10_100);
  });
});
