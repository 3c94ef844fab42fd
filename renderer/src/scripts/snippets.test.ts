// The snippets list: Postman's snippets, the right ones per editor, each valid JavaScript that
// uses only pm API the completion knows, and inserted on lines of their own.
import { describe, expect, it } from 'vitest';
import { lookupPath } from '../editor/pm-completions';
import { SNIPPETS, snippetInsertion, snippetsFor } from './snippets';

describe('snippets', () => {
  it("has Postman's common snippets, response ones for test scripts only", () => {
    const names = SNIPPETS.map((s) => s.name);
    for (const name of [
      'Status code: Code is 200',
      'Response body: JSON value check',
      'Response time is less than 200ms',
      'Set an environment variable',
      'Get a variable',
      'Send a request',
      'Response body: Contains string',
      'Content-Type header is present',
    ]) {
      expect(names).toContain(name);
    }
    expect(snippetsFor('prerequest').map((s) => s.name)).not.toContain('Status code: Code is 200');
    expect(snippetsFor('prerequest').map((s) => s.name)).toContain('Set an environment variable');
    expect(snippetsFor('test').length).toBe(SNIPPETS.length);
  });

  it('is JavaScript that parses, calling only pm API the completion documents', () => {
    for (const s of SNIPPETS) {
      expect(() => new Function(s.code), s.name).not.toThrow();
      for (const [call] of s.code.matchAll(/\bpm(?:\.[A-Za-z]+)+/g)) {
        expect(lookupPath(call.split('.')), `${s.name}: ${call}`).toBeDefined();
      }
    }
  });

  it('inserts on lines of its own', () => {
    expect(snippetInsertion('', 0, 'a();')).toBe('a();\n');
    expect(snippetInsertion('x = 1;', 6, 'a();')).toBe('\na();\n');
    expect(snippetInsertion('x = 1;\n', 7, 'a();')).toBe('a();\n');
    expect(snippetInsertion('x = 1;\n    ', 11, 'a();')).toBe('a();\n');
  });
});
