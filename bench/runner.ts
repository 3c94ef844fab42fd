// Collection runner: the same 1,000-request collection (each request asserts on its JSON with
// pm.test / pm.expect) against a loopback server (items-server.ts: a process of its own, warmed up first), `courier run` vs `newman run` in the same
// bench run, each in its own child process through its command line with a JSON report — so the
// numbers include what a CI job pays: process start, the script sandbox, the report.
//
// Rows (each the median of ROUNDS alternating runs per tool): requests per second over the whole process, the same inside the run (process start
// excluded, from each tool's own report), peak RSS and CPU time (the child's max resident set and
// user + system time, read by a preload at exit), Courier with the test scripts removed (what the
// HTTP side costs alone), and where the time goes: µs per request in each stage of the run
// (runner-stages.ts). Information only, never a pass/fail threshold.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startItemsServer } from './items-server.js';
import { measureStages, stageNotes } from './runner-stages.js';
import type { BenchRow } from './types.js';

const N = 1000;
const ROUNDS = 3;

/** What one run of a tool measured. */
interface Measured {
  ms: number;
  inRunMs: number;
  rssMb: number;
  cpuMs: number;
}

const measured = (r: ChildRun, inRunMs: number): Measured => ({ ms: r.ms, inRunMs, rssMb: r.rssMb, cpuMs: r.cpuMs });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each measure's median over the runs. */
const medianOf = (runs: Measured[]): Measured => ({
  ms: median(runs.map((r) => r.ms)),
  inRunMs: median(runs.map((r) => r.inRunMs)),
  rssMb: median(runs.map((r) => r.rssMb)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
});

const TEST_SCRIPT = (i: number) => [
  'const body = pm.response.json();',
  `pm.test('item ${i} is right', function () {`,
  '  pm.expect(pm.response.code).to.equal(200);',
  `  pm.expect(body.id).to.equal(${i});`,
  `  pm.expect(body.name).to.equal('item ${i}');`,
  "  pm.expect(body.tags).to.include('a');",
  '});',
];

function collection(withTests: boolean): unknown {
  return {
    info: { name: `Runner bench (${N} requests)`, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: Array.from({ length: N }, (_, i) => ({
      name: `Item ${i}`,
      ...(withTests ? { event: [{ listen: 'test', script: { type: 'text/javascript', exec: TEST_SCRIPT(i) } }] } : {}),
      request: { method: 'GET', url: `{{baseUrl}}/items/${i}` },
    })),
  };
}

/** Writes the process's resource usage (peak RSS in KiB, CPU µs) to a file at exit: loaded into both children with --require. */
const RSS_PRELOAD = `
const fs = require('node:fs');
process.on('exit', () => fs.writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify(process.resourceUsage())));
`;

interface ChildRun {
  dir: string;
  ms: number;
  code: number | null;
  rssMb: number;
  /** User + system CPU time of the whole process (all its threads). */
  cpuMs: number;
  stderr: string;
}

function runChild(args: string[], dir: string, label: string): Promise<ChildRun> {
  const rssFile = path.join(dir, `${label}.rss`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', path.join(dir, 'rss-preload.cjs'), ...args], {
      cwd: dir,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const usage = fs.existsSync(rssFile) ? (JSON.parse(fs.readFileSync(rssFile, 'utf8')) as NodeJS.ResourceUsage) : undefined;
      const rssMb = usage ? usage.maxRSS / 1024 : NaN;
      const cpuMs = usage ? (usage.userCPUTime + usage.systemCPUTime) / 1000 : NaN;
      resolve({ dir, ms, code, rssMb, cpuMs, stderr });
    });
  });
}

/** Run time inside the tool, from its JSON report (newman's run.timings and Courier's are alike). */
function reportedMs(file: string): number {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { run: { timings: { started: number; completed: number } } };
  return report.run.timings.completed - report.run.timings.started;
}

function assertionsIn(file: string): { total: number; failed: number } {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { run: { stats: { assertions: { total: number; failed: number } } } };
  return report.run.stats.assertions;
}

/** The same collection without test scripts: what sending alone costs, so the rest is the sandbox. */
function plainRow(plain: ChildRun, scriptedInRunMs: number): BenchRow {
  const name = `runner: the same ${N.toLocaleString('en-US')} requests without scripts (courier)`;
  const report = path.join(plain.dir, 'plain-report.json');
  if (plain.code !== 0 || !fs.existsSync(report)) return { name, value: NaN, unit: 'req/s', note: `failed (exit ${plain.code})` };
  const ms = reportedMs(report);
  return {
    name,
    value: (N / ms) * 1000,
    unit: 'req/s',
    note: `sends alone; the rest of the per-request time is the sandbox (${(((scriptedInRunMs - ms) / N) * 1000).toFixed(0)} µs per script)`,
  };
}

/** Where the time goes: µs per request in each stage, measured in a run of its own. */
async function stageRows(root: string, dir: string): Promise<BenchRow[]> {
  try {
    const stages = await measureStages(root, dir, path.join(dir, 'collection.json'), path.join(dir, 'env.json'));
    const perRequest = (stages.totalMs / stages.requests) * 1000;
    return [
      { name: 'runner: where the time goes, whole request', value: perRequest, unit: 'µs/req', note: `${stages.requests} requests in ${stages.totalMs.toFixed(0)} ms, stages below` },
      ...stageNotes(stages).map((s) => ({ name: `runner:   ${s.name}`, value: s.us, unit: 'µs/req', note: `${((s.us / perRequest) * 100).toFixed(0)}%${s.note ? `; ${s.note}` : ''}` })),
    ];
  } catch (err) {
    return [{ name: 'runner: where the time goes', value: NaN, unit: 'µs/req', note: `failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` }];
  }
}

export async function benchRunner(): Promise<BenchRow[]> {
  const root = process.cwd();
  const cli = path.join(root, 'dist', 'cli.mjs');
  const newmanBin = path.join(root, 'node_modules', 'newman', 'bin', 'newman.js');
  const name = `runner: ${N.toLocaleString('en-US')} requests with pm.test, loopback`;
  if (!fs.existsSync(cli)) return [{ name, value: NaN, unit: 'req/s', note: 'dist/cli.mjs is missing: run npm run build' }];
  const server = await startItemsServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-runner-'));
  try {
    fs.writeFileSync(path.join(dir, 'rss-preload.cjs'), RSS_PRELOAD);
    fs.writeFileSync(path.join(dir, 'collection.json'), JSON.stringify(collection(true)));
    fs.writeFileSync(path.join(dir, 'plain.json'), JSON.stringify(collection(false)));
    fs.writeFileSync(path.join(dir, 'env.json'), JSON.stringify({ name: 'bench', values: [{ key: 'baseUrl', value: server.url, enabled: true }] }));
    const common = ['-e', 'env.json', '-r', 'json'];

    // Each tool runs ROUNDS times, alternating, and each row is the median of its rounds: one run
    // on a small shared machine can be off by ±5%.
    const ok = (r: ChildRun, report: string) => r.code === 0 && fs.existsSync(path.join(dir, report)) && assertionsIn(path.join(dir, report)).total === N;
    const courierRuns: Measured[] = [];
    const newmanRuns: Measured[] = [];
    let newmanProblem = fs.existsSync(newmanBin) ? '' : 'newman is not installed';
    for (let round = 0; round < ROUNDS; round++) {
      const courier = await runChild([cli, 'run', 'collection.json', ...common, '--reporter-json-export', 'courier.json'], dir, 'courier');
      if (!ok(courier, 'courier.json')) {
        return [{ name, value: NaN, unit: 'req/s', note: `courier failed (exit ${courier.code}): ${courier.stderr.trim().split('\n')[0] ?? ''}` }];
      }
      courierRuns.push(measured(courier, reportedMs(path.join(dir, 'courier.json'))));
      if (newmanProblem) continue;
      const newman = await runChild([newmanBin, 'run', 'collection.json', ...common, '--reporter-json-export', 'newman.json'], dir, 'newman');
      if (ok(newman, 'newman.json')) newmanRuns.push(measured(newman, reportedMs(path.join(dir, 'newman.json'))));
      else newmanProblem = `newman failed (exit ${newman.code}): ${newman.stderr.trim().split('\n')[0] ?? ''}`;
    }
    const plain = await runChild([cli, 'run', 'plain.json', ...common, '--reporter-json-export', 'plain-report.json'], dir, 'plain');

    const perSecond = (ms: number) => (N / ms) * 1000;
    const courier = medianOf(courierRuns);
    const rows: BenchRow[] = [
      { name: `${name}, whole process`, value: perSecond(courier.ms), unit: 'req/s', note: `${(courier.ms / 1000).toFixed(2)} s including start-up; median of ${ROUNDS} runs` },
      { name: `${name}, inside the run`, value: perSecond(courier.inRunMs), unit: 'req/s', note: `${((courier.inRunMs / N) * 1000).toFixed(0)} µs per request; runs: ${courierRuns.map((r) => perSecond(r.inRunMs).toFixed(0)).join(', ')} req/s` },
      { name: `${name}, peak RSS`, value: courier.rssMb, unit: 'MB' },
      plainRow(plain, courier.inRunMs),
      { name: `${name}, CPU time (user + system)`, value: (courier.cpuMs / N) * 1000, unit: 'µs/req' },
    ];
    if (newmanProblem || newmanRuns.length === 0) {
      return rows.map((r) => ({ ...r, note: `${r.note ? `${r.note}; ` : ''}peer not run: ${newmanProblem}` }));
    }
    const newman = medianOf(newmanRuns);
    const vs = (row: BenchRow, peerValue: number): BenchRow => ({ ...row, peer: 'newman', peerValue, ratio: row.value / peerValue });
    return [
      vs(rows[0], perSecond(newman.ms)),
      { ...vs(rows[1], perSecond(newman.inRunMs)), note: `${rows[1].note}; newman: ${newmanRuns.map((r) => perSecond(r.inRunMs).toFixed(0)).join(', ')} req/s` },
      { ...vs(rows[2], newman.rssMb), note: 'ratio below 1: Courier uses less memory' },
      rows[3],
      {
        ...vs(rows[4], (newman.cpuMs / N) * 1000),
        note: 'whole process (start-up included), all threads; ratio below 1: less CPU (on a loaded machine throughput follows this)',
      },
      ...(await stageRows(root, dir)),
    ];
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
