// `courier export --format markdown|html` in-process on a real workspace: the documentation of a
// collection to a file (-o) or to stdout; an unknown format is refused and writes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../services/formats/index.js';
import { openWorkspace } from '../../services/store/workspace.js';
import type { CliIo } from '../io.js';
import { exportCommand } from './export.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/docs/users-api.postman_collection.json');
let dir: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-export-'));
  const home = path.join(dir, 'home');
  const ws = openWorkspace(home);
  importFile(ws, fixture);
  ws.close();
  out = [];
  err = [];
  io = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd: dir,
    env: { COURIER_HOME: home },
    isTty: false,
    createRuntime: () => Promise.reject(new Error('no scripts here')),
  };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('courier export --format markdown|html', () => {
  it('writes the Markdown documentation to stdout', async () => {
    expect(await exportCommand.run(['Users API', '--format', 'markdown'], io)).toBe(0);
    const md = out.join('');
    expect(md).toMatch(/^# Users API\n/);
    expect(md).toContain('### POST Create user');
    expect(md).toContain('**Example: Created** — 201 Created');
  });

  it('writes one HTML file with -o', async () => {
    expect(await exportCommand.run(['Users API', '-f', 'html', '-o', 'site/users.html'], io)).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'site', 'users.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Users API</h1>');
    expect(err.join('')).toContain('users.html');
    expect(out).toEqual([]);
  });

  it('refuses an unknown format and writes nothing', async () => {
    await expect(exportCommand.run(['Users API', '--format', 'pdf', '-o', 'x.pdf'], io)).rejects.toThrow(/Unknown format "pdf"/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
