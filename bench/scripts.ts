// Script sandbox benchmarks for `npm run bench` (information, never pass/fail): scripts per second
// on a warm runtime, for the typical test script
//   pm.test('ok', () => { pm.response.to.have.status(200); pm.expect(pm.response.json().id).to.eql(7); })
// and for a pre-request script that changes the request, against postman-sandbox — the script
// runtime newman uses — running the same scripts in the same way (one warm context, one script at a
// time). Each side runs in its own process, so each peak RSS is its own (the sandbox's worker
// thread included). Also: the time to a warm sandbox, and to the next result after a script that
// had to be stopped (the worker is terminated and replaced).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BenchRow } from './types.js';

const N = 5000;
const WARMUP = 300;

const TEST_SCRIPT = "pm.test('ok', () => { pm.response.to.have.status(200); pm.expect(pm.response.json().id).to.eql(7); })";
const PREREQUEST_SCRIPT = "pm.environment.set('ts', String(Date.now())); pm.request.headers.upsert({ key: 'X-Ts', value: pm.environment.get('ts') }); pm.variables.set('n', pm.variables.replaceIn('{{host}}'));";

interface SideResult {
  test: { perSec: number; p50: number; p99: number; passed: boolean };
  prerequest: { perSec: number; passed: boolean };
  maxRssMb: number;
  startupMs?: number;
  recoveryMs?: number;
}

const root = (() => {
  // bench/ from source, or .tmp/bench.mjs bundled by scripts/bench.mjs
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

const shared = `
const N = ${N}, WARMUP = ${WARMUP};
const TEST_SCRIPT = ${JSON.stringify(TEST_SCRIPT)};
const PREREQUEST_SCRIPT = ${JSON.stringify(PREREQUEST_SCRIPT)};
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
async function measure(runOne) {
  for (let i = 0; i < WARMUP; i++) await runOne();
  const times = [];
  let passed = true;
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    if (!(await runOne())) passed = false;
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  return { perSec: N / seconds, p50: pct(times, 0.5), p99: pct(times, 0.99), passed };
}
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
`;

const ours = `
import { createScriptRuntime } from ${JSON.stringify(path.join(root, 'electron/services/scripting/index.ts'))};
${shared}
const request = { method: 'GET', url: 'http://api.test/users/7', params: [], headers: [{ key: 'Accept', value: 'application/json', enabled: true }], body: { mode: 'none' }, auth: { type: 'inherit' }, settings: { timeoutMs: 30000, followRedirects: true, maxRedirects: 10, verifyTls: true } };
const variables = { globals: {}, collection: {}, environment: { host: 'api.test' }, iterationData: {}, local: {} };
const info = (kind) => ({ eventName: kind, iteration: 0, iterationCount: 1, requestName: 'Get user', requestId: 'r1' });
const testInput = { kind: 'test', code: TEST_SCRIPT, location: 'Users / Get user (test script)', request, variables, info: info('test'), cookies: [],
  response: { code: 200, status: 'OK', headers: [['Content-Type', 'application/json']], body: '{"id":7,"name":"Ada"}', responseTime: 3, responseSize: 21, cookies: [] } };
const preInput = { ...testInput, kind: 'prerequest', code: PREREQUEST_SCRIPT, location: 'Users / Get user (pre-request script)', response: undefined, info: info('prerequest') };
const host = { async sendRequest() { return { error: 'offline' }; } };
async function main() {
  let t = performance.now();
  const rt = createScriptRuntime({ timeoutMs: 1000 });
  await rt.run({ ...testInput, code: '1' }, host);
  const startupMs = performance.now() - t;
  const test = await measure(async () => { const r = await rt.run(testInput, host); return !r.error && r.tests.length === 1 && r.tests[0].passed; });
  const prerequest = await measure(async () => { const r = await rt.run(preInput, host); return !r.error && !!r.request; });
  await rt.run({ ...testInput, code: 'while (true) {}' }, host);
  t = performance.now();
  await rt.run(testInput, host);
  const recoveryMs = performance.now() - t;
  await rt.close();
  console.log(JSON.stringify({ test, prerequest, maxRssMb: maxRssMb(), startupMs, recoveryMs }));
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

const peer = `
import Sandbox from 'postman-sandbox';
${shared}
const request = { url: 'http://api.test/users/7', method: 'GET', header: [{ key: 'Accept', value: 'application/json' }] };
const response = { code: 200, status: 'OK', header: [{ key: 'Content-Type', value: 'application/json' }], body: '{"id":7,"name":"Ada"}' };
async function main() {
  const ctx = await new Promise((res, rej) => Sandbox.createContext({ timeout: 1000 }, (err, c) => (err ? rej(err) : res(c))));
  let tests = [];
  ctx.on('execution.assertion', (_cursor, a) => tests.push(...a));
  const exec = (listen, code, context) => new Promise((res, rej) => {
    tests = [];
    ctx.execute({ listen, script: { exec: [code] } }, { context }, (err, execution) => (err ? rej(err) : res(execution)));
  });
  const test = await measure(async () => { await exec('test', TEST_SCRIPT, { request, response }); return tests.length === 1 && tests[0].passed; });
  const prerequest = await measure(async () => {
    const e = await exec('prerequest', PREREQUEST_SCRIPT, { request, environment: { values: [{ key: 'host', value: 'api.test' }] } });
    return !!e.request;
  });
  ctx.dispose();
  console.log(JSON.stringify({ test, prerequest, maxRssMb: maxRssMb() }));
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

function runSide(file: string): SideResult {
  const stdout = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8', timeout: 600_000, env: { ...process.env, COURIER_SANDBOX_DIR: path.join(path.dirname(file), 'sandbox') } });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as SideResult;
}

export async function benchScripts(): Promise<BenchRow[]> {
  const dir = path.join(root, '.tmp', `bench-scripts-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-sandbox.mjs'), '--quiet', '--out', path.join(dir, 'sandbox')], { cwd: root, timeout: 120_000 });
    fs.writeFileSync(path.join(dir, 'ours.ts'), ours);
    fs.writeFileSync(path.join(dir, 'peer.mjs'), peer);
    await build({ entryPoints: [path.join(dir, 'ours.ts')], outfile: path.join(dir, 'ours.mjs'), bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    const a = runSide(path.join(dir, 'ours.mjs'));
    const b = runSide(path.join(dir, 'peer.mjs'));
    const peerName = 'postman-sandbox (newman)';
    const failed = (r: SideResult) => (!r.test.passed || !r.prerequest.passed ? ' — some runs did not pass!' : '');
    return [
      {
        name: 'scripts: typical test script, warm',
        value: a.test.perSec,
        unit: 'scripts/s',
        peer: peerName,
        peerValue: b.test.perSec,
        ratio: a.test.perSec / b.test.perSec,
        note: `${N} runs, one at a time; p50 ${a.test.p50.toFixed(3)} ms, p99 ${a.test.p99.toFixed(3)} ms (peer p50 ${b.test.p50.toFixed(3)} ms)${failed(a)}${failed(b)}`,
      },
      {
        name: 'scripts: pre-request script changing the request, warm',
        value: a.prerequest.perSec,
        unit: 'scripts/s',
        peer: peerName,
        peerValue: b.prerequest.perSec,
        ratio: a.prerequest.perSec / b.prerequest.perSec,
      },
      {
        name: 'scripts: peak RSS of the process',
        value: a.maxRssMb,
        unit: 'MB',
        peer: peerName,
        peerValue: b.maxRssMb,
        ratio: a.maxRssMb / b.maxRssMb,
        note: 'whole process, sandbox worker thread included, after both script kinds',
      },
      { name: 'scripts: sandbox start (worker + SES lockdown + pm prelude)', value: a.startupMs ?? NaN, unit: 'ms', note: 'to the first result' },
      { name: 'scripts: next result after a stopped script', value: a.recoveryMs ?? NaN, unit: 'ms', note: 'the stuck worker is terminated and a fresh one started' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
