import { describe, expect, it } from 'vitest';
import { argsSummary, prettyArgs } from './stepText';

describe('argsSummary', () => {
  it('lists an object’s fields on one line, strings bare, others as JSON', () => {
    expect(argsSummary('{"method":"GET","url":"http://x.test/a","headers":[{"key":"A"}]}')).toBe('method: GET, url: http://x.test/a, headers: [{"key":"A"}]');
  });
  it('cuts a long line with an ellipsis and folds whitespace', () => {
    const s = argsSummary(JSON.stringify({ script: 'pm.test("a",\n  () => {});'.repeat(20) }), 40);
    expect(s).toHaveLength(40);
    expect(s.endsWith('…')).toBe(true);
    expect(s).not.toContain('\n');
  });
  it('arguments that are not JSON (a broken call) are shown as they came', () => {
    expect(argsSummary('{"id": ')).toBe('{"id":');
  });
});

describe('prettyArgs', () => {
  it('indents JSON, leaves anything else alone', () => {
    expect(prettyArgs('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyArgs('not json')).toBe('not json');
  });
});
