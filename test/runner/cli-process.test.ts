// `courier …` as a user runs it: the CLI bundled the way scripts/build.mjs bundles it (into
// node_modules/.cache, so dist/ — which other tests use — is never rebuilt under them), the real
// script sandbox built from source, a real process and its exit code.
import { build } from 'esbuild';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { folder, request, writeCollection } from './cli-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cache = path.join(root, 'node_modules', '.cache');
const cli = path.join(cache, 'courier-cli-test', 'cli.mjs');
const sandboxDir = path.join(cache, 'courier-sandbox');
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-cli-process-'));
  await build({
    entryPoints: [path.join(root, 'electron/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __COURIER_VERSION__: JSON.stringify('test') },
  });
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts', 'build-sandbox.mjs'), '--if-needed', '--quiet', '--out', sandboxDir], { cwd: root }, (err) =>
      err ? reject(err) : resolve(),
    ),
  );
}, 120_000);
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function courier(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Asynchronous: the server the command talks to runs in this process.
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: dir,
      env: { ...process.env, COURIER_HOME: path.join(dir, 'home'), COURIER_SANDBOX_DIR: sandboxDir, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('courier, the command', () => {
  it('run: exit 0 when all pass; a script syntax error names its place, the rest of the run still goes, exit 1', async () => {
    const pass = writeCollection(dir, 'pass', [request('A', `${server.url}/json`, { test: "pm.test('hello', () => pm.expect(pm.response.json().hello).to.equal('world'));" })]);
    const ok = await courier('run', pass, '--color', 'off');
    expect(ok.stderr).toBe('');
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining('✓  hello') });

    const broken = writeCollection(dir, 'broken', [
      folder('Broken', [request('Request', `${server.url}/small`, { test: 'pm.test("never", () => {}); this is not javascript (' })]),
      request('After', `${server.url}/small`, { test: "pm.test('still runs', () => pm.response.to.have.status(200));" }),
    ]);
    const failed = await courier('run', broken, '--color', 'off');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/Broken \/ Request \(test script\): SyntaxError/);
    expect(failed.stdout).toContain('✓  still runs');
  }, 120_000);

  it('import prints what it created; run and export find the collection by name', async () => {
    const file = writeCollection(dir, 'Imported API', [request('Get', `${server.url}/json`, { test: "pm.test('ok', () => pm.response.to.be.ok);" })]);
    const imported = await courier('import', file);
    expect(imported.code).toBe(0);
    const created = JSON.parse(imported.stdout);
    expect(created).toMatchObject({ created: [{ kind: 'collection', name: 'Imported API', folders: 0, requests: 1 }], warnings: [] });
    expect((await courier('run', 'Imported API', '--silent')).code).toBe(0);
    const exported = await courier('export', created.created[0].id);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ info: { name: 'Imported API' }, item: [{ name: 'Get' }] });
    const openapi = await courier('export', 'Imported API', '--format', 'openapi');
    expect(openapi.code).toBe(0);
    expect(JSON.parse(openapi.stdout)).toMatchObject({ openapi: '3.1.0', info: { title: 'Imported API' }, paths: { '/json': { get: { summary: 'Get' } } } });
    expect(await courier('export', 'Imported API', '--format', 'yaml')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^courier export: Unknown format "yaml": Courier exports postman, openapi, /) });
  }, 120_000);
});
