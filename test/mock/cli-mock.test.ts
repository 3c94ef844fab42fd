// `courier mock` as a user runs it: a real process serving a spec file, a Postman collection file
// and a workspace collection by name; one line with the URL, a line per request, Ctrl+C (SIGINT)
// or SIGTERM stops it cleanly (exit 0, the port free again); a bad spec prints its problems with
// their lines and exits 1 without ever listening.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PETSTORE_30 } from '../../electron/services/mock/petstore.fixture.js';
import { openWorkspace } from '../../electron/services/store/workspace.js';
import { freePort, listening } from '../../electron/services/mock/ports.fixture.js';
import { bundle } from '../credits/bundles.js';

let cli: string;
let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  cli = await bundle('electron/cli/main.ts', 'cli-mock');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-cli-mock-'));
}, 120_000);
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: () => string;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(...args: string[]): ChildProcessWithoutNullStreams & { out: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, COURIER_HOME: path.join(dir, 'home'), NO_COLOR: '1' } });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return Object.assign(child, { out });
}

function finished(child: ReturnType<typeof start>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, ...child.out });
    else child.on('close', (code) => resolve({ code, ...child.out }));
  });
}

/** Starts `courier mock …` and waits for its URL line. */
async function serving(...args: string[]): Promise<Running> {
  const child = start('mock', ...args);
  const exited = finished(child);
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = /listening on (http:\/\/\S+)/.exec(child.out.stdout);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', look);
    void exited.then((r) => reject(new Error(`courier mock exited ${r.code}: ${r.stderr}`)));
  });
  return { child, url, stdout: () => child.out.stdout, exited };
}

const collectionFile = {
  info: { name: 'Shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Get product',
      request: { method: 'GET', url: '{{baseUrl}}/products/:id' },
      response: [
        { name: 'Found', code: 200, status: 'OK', header: [{ key: 'Content-Type', value: 'application/json' }], body: '{"id":1,"name":"Lamp"}' },
        {
          name: 'Out of stock',
          originalRequest: { method: 'GET', url: { raw: '{{baseUrl}}/products/:id?stock=none', host: ['{{baseUrl}}'], path: ['products', ':id'], query: [{ key: 'stock', value: 'none' }] } },
          code: 404,
          status: 'Not Found',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '{"error":"out of stock"}',
        },
      ],
    },
  ],
};

describe('courier mock, the command', () => {
  it('serves a spec file on 127.0.0.1, prints a line per request, and stops on Ctrl+C leaving the port free', async () => {
    fs.writeFileSync(path.join(dir, 'petstore.yaml'), PETSTORE_30);
    const mock = await serving('petstore.yaml', '--port', '0');
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.stdout()).toMatch(/^Mock of spec "petstore\.yaml" listening on http:\/\/127\.0\.0\.1:\d+ — Ctrl\+C stops it\n/);
    expect((await fetch(`${mock.url}/pets/1`)).status).toBe(200);
    const bad = await fetch(`${mock.url}/pets/abc`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: string[] }).errors).toEqual(['path parameter `petId` must be an integer']);
    mock.child.kill('SIGINT');
    const done = await mock.exited;
    expect(done.code).toBe(0);
    const lines = done.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^GET \/pets\/1 → 200 [\d.]+ ms GET \/pets\/\{petId\}$/);
    expect(lines[2]).toMatch(/^GET \/pets\/abc → 400 [\d.]+ ms GET \/pets\/\{petId\} — path parameter `petId` must be an integer$/);
    expect(lines[3]).toBe('Mock stopped');
    expect(await listening(Number(new URL(mock.url).port))).toBe(false);
  }, 60_000);

  it('a bad spec prints its problems with their lines and exits 1 without listening', async () => {
    const port = await freePort();
    fs.writeFileSync(path.join(dir, 'broken.yaml'), PETSTORE_30.replace("$ref: '#/components/schemas/NewPet'", "$ref: '#/components/schemas/Nope'"));
    const result = await finished(start('mock', 'broken.yaml', '--port', String(port)));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^courier mock: The spec "broken\.yaml" cannot be mocked \(1 problem\):\n {2}line 49, column 15: The \$ref `#\/components\/schemas\/Nope` points at nothing/);
    expect(await listening(port)).toBe(false);
  }, 60_000);

  it('serves a Postman collection file (originalRequest matched, latency, x-mock-response-name) and stops on SIGTERM', async () => {
    fs.writeFileSync(path.join(dir, 'shop.postman_collection.json'), JSON.stringify(collectionFile));
    const mock = await serving('shop.postman_collection.json', '--port', '0', '--latency', '200', '--no-cors');
    expect(mock.stdout()).toMatch(/^Mock of collection "Shop" listening on http:\/\/127\.0\.0\.1:\d+ \(latency 200 ms, no CORS\)/);
    const started = performance.now();
    const found = await fetch(`${mock.url}/products/9`, { headers: { origin: 'http://localhost:3000' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(await found.json()).toEqual({ id: 1, name: 'Lamp' });
    expect(found.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${mock.url}/products/9?stock=none`)).status).toBe(404);
    expect((await fetch(`${mock.url}/products/9`, { headers: { 'x-mock-response-name': 'Out of stock' } })).status).toBe(404);
    mock.child.kill('SIGTERM');
    const done = await mock.exited;
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/GET \/products\/9\?stock=none → 404 [\d.]+ ms Out of stock\n/);
  }, 60_000);

  it('a request answered despite a problem (a saved header left out) prints the problem on its line too', async () => {
    const odd = { ...collectionFile, item: [{ name: 'Odd', request: { method: 'GET', url: '{{baseUrl}}/odd' }, response: [{ name: 'Odd', code: 200, header: [{ key: 'X Bad Name', value: '1' }], body: 'ok' }] }] };
    fs.writeFileSync(path.join(dir, 'odd.postman_collection.json'), JSON.stringify(odd));
    const mock = await serving('odd.postman_collection.json', '--port', '0');
    expect(await (await fetch(`${mock.url}/odd`)).text()).toBe('ok');
    mock.child.kill('SIGINT');
    const done = await mock.exited;
    expect(done.stdout).toMatch(/\nGET \/odd → 200 [\d.]+ ms Odd — response header `x bad name` was left out: it is not a valid header name\n/);
  }, 60_000);

  it('serves a workspace collection by name; an unknown name is a clear error', async () => {
    fs.writeFileSync(path.join(dir, 'shop2.postman_collection.json'), JSON.stringify({ ...collectionFile, info: { ...collectionFile.info, name: 'Shop Two' } }));
    const imported = await finished(start('import', 'shop2.postman_collection.json'));
    expect(imported.code).toBe(0);
    const mock = await serving('shop two', '--port', '0');
    expect(mock.stdout()).toMatch(/^Mock of collection "Shop Two" listening on/);
    // The example imported with its originalRequest keeps matching on its query.
    expect((await fetch(`${mock.url}/products/1?stock=none`)).status).toBe(404);
    expect((await fetch(`${mock.url}/products/1`)).status).toBe(200);
    mock.child.kill('SIGINT');
    expect((await mock.exited).code).toBe(0);
    const unknown = await finished(start('mock', 'Nothing here'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^courier mock: "Nothing here" is neither a file nor a collection or spec of the workspace /);
  }, 60_000);

  it('serves a workspace spec by name', async () => {
    const ws = openWorkspace(path.join(dir, 'home'));
    try {
      ws.createSpec({ name: 'Pet Store', format: 'yaml', text: PETSTORE_30 });
    } finally {
      ws.close();
    }
    const mock = await serving('pet store', '--port', '0', '--no-validate');
    expect(mock.stdout()).toMatch(/^Mock of spec "Pet Store" listening on http:\/\/127\.0\.0\.1:\d+ \(no validation\)/);
    expect((await fetch(`${mock.url}/pets/abc`)).status).toBe(200);
    mock.child.kill('SIGINT');
    expect((await mock.exited).code).toBe(0);
  }, 60_000);

  it('--help shows the flags; a bad flag value is named', async () => {
    const help = await finished(start('mock', '--help'));
    expect(help.stdout).toContain('--no-validate');
    const bad = await finished(start('mock', 'x.yaml', '--port', 'abc'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('courier mock: --port must be a whole number from 0 to 65535 (got "abc")\n');
  }, 60_000);
});
