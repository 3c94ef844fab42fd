// Broken JSON is named by line and column, whatever V8's message says.
import { expect, it } from 'vitest';
import { parseJsonText } from './json-text.js';

const problem = (text: string) => {
  try {
    parseJsonText(text, 'f.json');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

it('says where the JSON breaks', () => {
  expect(problem('{"info": ')).toMatch(/^f.json: not valid JSON \(Unexpected end of JSON input\) at line 1, column 10$/);
  expect(problem('{\n  "a": }')).toMatch(/at line 2, column 8$/);
  expect(problem('{\n "a": [1,\n 2 3]}')).toMatch(/at line 3, column 4$/);
  expect(problem('xyz')).toMatch(/at line 1, column 1$/);
  expect(parseJsonText('\uFEFF{"a":1}', 'f.json')).toEqual({ a: 1 });
});
