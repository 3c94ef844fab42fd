// The runtime as the shipped entry points use it: bundled by esbuild the way scripts/build.mjs
// bundles dist/cli.mjs (ESM) and dist/electron/main.cjs (CommonJS), next to a sandbox built by
// scripts/build-sandbox.mjs into <out>/sandbox, run by plain node (no vitest, no TypeScript).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = path.join(root, '.tmp', `sandbox-consumer-${process.pid}`);

const consumer = `
import { createScriptRuntime } from ${JSON.stringify(path.join(root, 'electron/services/scripting/index.ts'))};
async function main() {
const rt = createScriptRuntime({ timeoutMs: 2000 });
const request = { method: 'GET', url: 'http://api.test/x', params: [], headers: [], body: { mode: 'none' }, auth: { type: 'none' }, settings: { timeoutMs: 1000, followRedirects: true, maxRedirects: 5, verifyTls: true } };
const input = (code) => ({
  kind: 'test', code, location: 'Bundled / Request', request,
  response: { code: 200, status: 'OK', headers: [['Content-Type', 'application/json']], body: '{"id":7}', responseTime: 1, responseSize: 8, cookies: [] },
  variables: { globals: {}, collection: {}, environment: {}, iterationData: {}, local: {} },
  info: { eventName: 'test', iteration: 0, iterationCount: 1, requestName: 'Request', requestId: 'r' }, cookies: [],
});
const host = { async sendRequest() { return { error: 'offline' }; } };
const results = [];
results.push(await rt.run(input("pm.test('ok', () => { pm.response.to.have.status(200); pm.expect(pm.response.json().id).to.eql(7); pm.expect(_.get({ a: 1 }, 'a')).to.equal(1); })"), host));
results.push(await rt.run(input('while (true) {}'), host));
results.push(await rt.run(input("pm.test('after', () => pm.expect(require('moment').utc(0).year()).to.equal(1970))"), host));
await rt.close();
console.log(JSON.stringify(results));
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

function runBundle(file: string): unknown[] {
  const stdout = execFileSync(process.execPath, [file], { cwd: path.dirname(file), env: { ...process.env, COURIER_SANDBOX_DIR: '' }, timeout: 60_000, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as unknown[];
}

const expected = [
  { tests: [{ name: 'ok', passed: true, skipped: false }], console: [], variables: { globals: {}, collection: {}, environment: {}, iterationData: {}, local: {} } },
  {
    tests: [],
    console: [],
    variables: { globals: {}, collection: {}, environment: {}, iterationData: {}, local: {} },
    error: { kind: 'timeout', message: 'The test script of "Bundled / Request" ran longer than 2000 ms and was stopped' },
  },
  { tests: [{ name: 'after', passed: true, skipped: false }], console: [], variables: { globals: {}, collection: {}, environment: {}, iterationData: {}, local: {} } },
];

describe('a bundled consumer', () => {
  beforeAll(async () => {
    fs.mkdirSync(path.join(out, 'electron'), { recursive: true });
    execFileSync(process.execPath, [path.join(root, 'scripts/build-sandbox.mjs'), '--quiet', '--out', path.join(out, 'sandbox')], { cwd: root, timeout: 120_000 });
    fs.writeFileSync(path.join(out, 'consumer.ts'), consumer);
    const common = { bundle: true, platform: 'node' as const, target: 'node20', packages: 'external' as const, logLevel: 'error' as const };
    // dist/cli.mjs: ESM, the sandbox next to it
    await build({ ...common, entryPoints: [path.join(out, 'consumer.ts')], outfile: path.join(out, 'cli.mjs'), format: 'esm' });
    // dist/electron/main.cjs: CommonJS, the sandbox one level up
    await build({ ...common, entryPoints: [path.join(out, 'consumer.ts')], outfile: path.join(out, 'electron', 'main.cjs'), format: 'cjs' });
  }, 180_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('ESM bundle (like dist/cli.mjs and dist/web-host.mjs) finds dist/sandbox beside it', () => {
    expect(runBundle(path.join(out, 'cli.mjs'))).toEqual(expected);
  });

  it('CommonJS bundle (like dist/electron/main.cjs) finds the sandbox one level up', () => {
    expect(runBundle(path.join(out, 'electron', 'main.cjs'))).toEqual(expected);
  });
});
