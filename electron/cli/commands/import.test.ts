// `courier import` in-process on a real workspace: each format's fixture creates what it holds;
// a bad file exits with its problem and creates nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../services/store/workspace.js';
import type { CliIo } from '../io.js';
import { importCommand } from './import.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/formats');
let dir: string;
let out: string[];
let io: CliIo;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-import-cli-'));
  out = [];
  io = {
    stdout: (t) => void out.push(t),
    stderr: () => undefined,
    cwd: fixtures,
    env: { COURIER_HOME: path.join(dir, 'home') },
    isTty: false,
    createRuntime: () => Promise.reject(new Error('no scripts here')),
  };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const names = () => {
  const ws = openWorkspace(path.join(dir, 'home'));
  try {
    return ws.tree().filter((n) => n.parentId === null).map((n) => n.name);
  } finally {
    ws.close();
  }
};

describe('courier import', () => {
  it.each([
    ['shop.har', undefined, 'shop', 4],
    ['insomnia-v4.json', undefined, 'Petstore', 5],
    ['requests.curl.sh', 'curl', 'requests.curl', 3],
  ])('%s (format %s) creates its collection', async (file, format, name, requests) => {
    expect(await importCommand.run([file, ...(format ? ['--format', format] : [])], io)).toBe(0);
    const outcome = JSON.parse(out.join(''));
    expect(outcome.created[0]).toMatchObject({ kind: 'collection', name, requests });
    expect(names()).toEqual([name]);
  });

  it('a bad file or a format that does not fit fails with the problem, creating nothing', async () => {
    await expect(importCommand.run(['shop.har', '--format', 'insomnia'], io)).rejects.toThrow(/shop.har: _type: /);
    fs.writeFileSync(path.join(dir, 'broken.har'), '{"log": {"entries": [');
    await expect(importCommand.run([path.join(dir, 'broken.har')], io)).rejects.toThrow(/broken.har: not valid JSON \(.*\) at line 1, column 22/);
    expect(names()).toEqual([]);
  });
});
