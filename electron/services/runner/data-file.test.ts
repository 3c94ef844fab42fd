// Data files as newman reads them. The reference is newman itself: its own csv-parse (v4) with its
// options and number casting, loaded from newman's node_modules, must give the same rows.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvData, parseJsonData, readDataFile } from './data-file.js';

const require = createRequire(import.meta.url);

/** newman 6's data file reading (lib/run/options.js), as a function of the text. */
function newmanCsv(text: string): Record<string, unknown>[] {
  const parse = require('newman/node_modules/csv-parse/lib/sync') as (t: string, o: object) => Record<string, unknown>[];
  const isInt = (v: string) => /^(-|\+)?([1-9]+[0-9]*)$/.test(v);
  const isFloat = (v: string) => (v as unknown as number) - parseFloat(v) + 1 >= 0;
  const rows = parse(text, {
    columns: true,
    escape: '"',
    cast: (value: string, context: { quoting: boolean }) =>
      context.quoting ? value : isInt(value) ? parseInt(value, 10) : isFloat(value) ? parseFloat(value) : value,
    trim: true,
    relax: true,
    relax_column_count: true,
    bom: true,
  });
  // The values and their types as scripts see them: unquoted numbers are numbers.
  return rows;
}

const QUIRKS: Record<string, string> = {
  'plain rows': 'id,name\n1,Ada\n2,Grace\n',
  'numbers are cast, quoted ones are not': 'a,b,c,d,e,f\n007,1.50,"12",-5,+3,1e3\n0,0.0,00,0x10,Infinity,12abc\n',
  'spaces trimmed around fields': ' a , b \n  x  ,  "y, z"  \n',
  'quotes inside unquoted fields': 'q,n\nsay "hi" now,1\n',
  'doubled quotes inside quoted fields': 'q\n"she said ""yes"""\n',
  'a quoted field over two lines': 'a,b\n"line one\nline two",2\n',
  'CRLF line ends': 'a,b\r\n1,2\r\n3,4\r\n',
  'a BOM': '\uFEFFa,b\n1,2\n',
  'fewer and more columns than the header': 'a,b,c\n1,2\n1,2,3,4\n',
  'an empty line in the middle': 'a,b\n1,2\n\n3,4\n',
  'empty values': 'a,b\n,\n"",x\n',
  'unicode': 'name,city\nJosé,Zürich\n',
};

describe('CSV data files, compared with newman', () => {
  for (const [name, text] of Object.entries(QUIRKS)) {
    it(name, () => {
      const ours = parseCsvData(text, 'data.csv');
      expect(ours.problems).toEqual([]);
      expect(ours.rows).toEqual(newmanCsv(text));
    });
  }
});

describe('broken CSV rows', () => {
  it('an invalid closing quote skips that row only, naming it', () => {
    const text = 'a,b\n1,2\n"x"y,3\n4,5\n6,7\n';
    expect(() => newmanCsv(text)).toThrow(/Invalid Closing Quote/); // newman gives up on the whole file
    const { rows, problems } = parseCsvData(text, 'data.csv');
    expect(rows).toEqual([
      { a: 1, b: 2 },
      { a: 4, b: 5 },
      { a: 6, b: 7 },
    ]);
    expect(problems).toEqual(['data.csv row 2 (line 3): Invalid Closing Quote: found non trimable byte after quote; this row is skipped']);
  });

  it('an unclosed quote gives up its own line, not the rest of the file', () => {
    const { rows, problems } = parseCsvData('a,b\n1,2\n"open,3\n4,5\n', 'data.csv');
    expect(rows).toEqual([
      { a: 1, b: 2 },
      { a: 4, b: 5 },
    ]);
    expect(problems).toEqual(['data.csv row 2 (line 3): Quote Not Closed: the parsing is finished with an opening quote; this row is skipped']);
  });

  it('several broken rows are each reported', () => {
    const { rows, problems } = parseCsvData('a\n"x"y\n1\n"p"q\n2\n', 'd.csv');
    expect(rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['d.csv row 1 (line 2)', 'd.csv row 3 (line 4)']);
  });

  it('a file without a header line is refused', () => {
    expect(() => parseCsvData('', 'empty.csv')).toThrow('empty.csv: the first line must name the columns');
  });
});

describe('JSON data files', () => {
  it('an array of objects, values kept as they are (as newman gives them to scripts)', () => {
    expect(parseJsonData('[{"a": 1, "b": "x", "c": true, "d": null, "e": {"k": 1}}]', 'd.json')).toEqual({
      rows: [{ a: 1, b: 'x', c: true, d: null, e: { k: 1 } }],
      problems: [],
    });
  });

  it('rows that are not objects are skipped and named', () => {
    expect(parseJsonData('[{"a": 1}, 5, [1], {"a": 2}]', 'd.json')).toEqual({
      rows: [{ a: 1 }, { a: 2 }],
      problems: [
        'd.json row 2: expected an object of variable names and values, got number; this row is skipped',
        'd.json row 3: expected an object of variable names and values, got a list; this row is skipped',
      ],
    });
  });

  it('not JSON, or not a list, is refused with the file named', () => {
    expect(() => parseJsonData('[{"a": 1}', 'd.json')).toThrow(/^d.json: not valid JSON/);
    expect(() => parseJsonData('{"a": 1}', 'd.json')).toThrow('d.json: expected a list of objects, one per iteration');
  });
});

describe('readDataFile', () => {
  it('tells JSON from CSV and names a missing file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-data-'));
    try {
      fs.writeFileSync(path.join(dir, 'rows.txt'), ' [{"a": "j"}]');
      fs.writeFileSync(path.join(dir, 'rows.csv'), 'a\nc\n');
      expect(readDataFile(path.join(dir, 'rows.txt')).rows).toEqual([{ a: 'j' }]);
      expect(readDataFile(path.join(dir, 'rows.csv')).rows).toEqual([{ a: 'c' }]);
      expect(() => readDataFile(path.join(dir, 'nope.csv'))).toThrow(`The data file ${path.join(dir, 'nope.csv')} does not exist`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
