// Iteration data files, read as newman reads them: JSON (an array of objects, values kept as they
// are) or CSV with a header row, csv-parse with newman's options (trimmed fields, relaxed quotes and
// column counts, BOM stripped) and its number casting (unquoted 12 → the number 12, "12" stays
// text), so scripts see the same values and types as under newman. Unlike newman, a broken row
// does not end the run: it is skipped with a message naming its line, and the other rows still run.
import { parse, CsvError, type CastingContext } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { badInput } from '../../../shared/errors.js';
import type { DataValue } from '../scripting/types.js';

export interface DataFile {
  rows: Record<string, DataValue>[];
  /** One message per skipped row. */
  problems: string[];
}

const CSV_OPTIONS = { escape: '"', trim: true, relax_quotes: true, relax_column_count: true, bom: true } as const;

const INT = /^(-|\+)?([1-9]+[0-9]*)$/;

/** newman's csvAutoParse: unquoted integers and floats become numbers. */
function autoCast(value: string, context: CastingContext): string | number {
  if (context.quoting) return value;
  if (INT.test(value)) return parseInt(value, 10);
  if (Number(value) - parseFloat(value) + 1 >= 0) return parseFloat(value);
  return value;
}

export function parseJsonData(text: string, name: string): DataFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '').trim());
  } catch (err) {
    throw badInput(`${name}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(json)) throw badInput(`${name}: expected a list of objects, one per iteration`);
  const rows: Record<string, DataValue>[] = [];
  const problems: string[] = [];
  json.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      problems.push(`${name} row ${i + 1}: expected an object of variable names and values, got ${Array.isArray(row) ? 'a list' : row === null ? 'null' : typeof row}; this row is skipped`);
      return;
    }
    rows.push(row as Record<string, DataValue>);
  });
  return { rows, problems };
}

export function parseCsvData(text: string, name: string): DataFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (parse(lines[0] ?? '', { ...CSV_OPTIONS, to_line: 1 })[0] ?? []) as string[];
  if (header.length === 0 || header.every((h) => h === '')) throw badInput(`${name}: the first line must name the columns`);
  const rows: Record<string, DataValue>[] = [];
  const problems: string[] = [];
  let offset = 1; // lines before the current chunk
  while (offset < lines.length) {
    let lastLine = 0; // the chunk's line where the last good record ended
    try {
      parse(lines.slice(offset).join('\n'), {
        ...CSV_OPTIONS,
        columns: header,
        cast: autoCast,
        on_record: (record: Record<string, DataValue>, context) => {
          lastLine = context.lines;
          rows.push(record);
          return record;
        },
      });
      break;
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      // The broken record starts after the last good one; an unclosed quote swallowed the rest of
      // the file, so only its first line is given up. Parsing starts again after it.
      const start = lastLine + 1;
      const errorLine = typeof err.lines === 'number' ? err.lines : start;
      const end = err.code === 'CSV_QUOTE_NOT_CLOSED' ? start : Math.max(start, errorLine);
      const reason = err.message.replace(/ at line \d+$/, '');
      problems.push(`${name} row ${rows.length + problems.length + 1} (line ${offset + start}): ${reason}; this row is skipped`);
      offset += end;
    }
  }
  return { rows, problems };
}

/** Reads a data file; JSON when it is named .json or starts with `[`, CSV otherwise. */
export function readDataFile(file: string): DataFile {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw badInput(code === 'ENOENT' ? `The data file ${file} does not exist` : `The data file ${file} cannot be read: ${(err as Error).message}`);
  }
  const looksJson = path.extname(file).toLowerCase() === '.json' || /^\uFEFF?\s*\[/.test(text);
  return looksJson ? parseJsonData(text, name) : parseCsvData(text, name);
}
