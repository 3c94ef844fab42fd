// For importer tests: a real workspace in a temporary folder per test, the fixtures folder, and
// the message of the BAD_INPUT an import throws.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';

export const FORMAT_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/formats');

export function useTempWorkspace(): { ws: () => Workspace; dir: () => string } {
  let dir = '';
  let ws: Workspace | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-import-'));
    ws = openWorkspace(path.join(dir, 'home'));
  });
  afterEach(() => {
    ws?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { ws: () => ws!, dir: () => dir };
}

export function importError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_INPUT');
    return (err as AppError).message;
  }
  throw new Error('expected the import to fail');
}
