// Reads a file a user named, with messages that say which file and what is wrong with it.
import fs from 'node:fs';
import { badInput } from '../../../shared/errors.js';

export function readTextFile(file: string, what = file): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw badInput(code === 'ENOENT' ? `${what}: no such file` : `${what}: cannot be read (${(err as Error).message})`);
  }
}

export function readJsonFile(file: string, what = file): unknown {
  const text = readTextFile(file, what);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw badInput(`${what}: not valid JSON (${(err as Error).message})`);
  }
}
