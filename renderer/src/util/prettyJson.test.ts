import { describe, expect, it } from 'vitest';
import { isValidJson, prettyJson } from './prettyJson';

describe('prettyJson', () => {
  it('indents objects and arrays and keeps empty ones on one line', () => {
    expect(prettyJson('{"a":1,"b":[1,{"c":null}],"e":{},"f":[ ]}')).toBe(
      '{\n  "a": 1,\n  "b": [\n    1,\n    {\n      "c": null\n    }\n  ],\n  "e": {},\n  "f": []\n}',
    );
  });

  it('keeps numbers exactly as sent and strings untouched', () => {
    expect(prettyJson('{"n":12345678901234567890,"s":"a{b}[c],\\"d\\":"}')).toBe(
      '{\n  "n": 12345678901234567890,\n  "s": "a{b}[c],\\"d\\":"\n}',
    );
  });

  it('keeps {{variables}} whole', () => {
    expect(prettyJson('{"id":{{userId}}}')).toBe('{\n  "id": {{userId}}\n}');
    expect(isValidJson('{"id": {{userId}}}')).toBe(true);
    expect(isValidJson('{oops}')).toBe(false);
  });

  it('formats a few megabytes quickly', () => {
    const big = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })));
    const started = Date.now();
    const out = prettyJson(big);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.parse(out)).toEqual(JSON.parse(big));
  });
});
