// Mock servers for `npm run bench` (information, never pass/fail): Courier's `courier mock` and
// Stoplight Prism's `prism mock` (@stoplight/prism-cli, the peer) serve the SAME petstore spec
// (test/fixtures/mocks/petstore.openapi.yaml: path parameters, a query, a request body, examples and
// schema-generated answers), each as its own CLI process on 127.0.0.1 with its default settings
// (both validate requests). The same closed-loop generator (bench/load-generator.ts) sends each the
// same mix — list (example), get by id (generated), create (a POST whose body is validated),
// inventory (generated), delete — over the same connections, after a warm-up, in rounds that
// alternate between the two (a busy moment on a shared machine hits both alike). Rows: the median
// round's requests/s and p99 latency of each, the server process's CPU time per request (steadier
// than throughput when other work shares the machine), and the ratios. Without Prism installed the peer
// columns are empty and the note says why.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { request } from 'undici';
import { repoRoot } from '../test/support/app.js';
import { runLoad, type LoadRequest, type LoadResult } from './load-generator.js';
import type { BenchRow } from './types.js';

const CONNECTIONS = 16;
const WARMUP_MS = 2_000;
const ROUNDS = 6;
const ROUND_MS = 2_000;
const START_TIMEOUT_MS = 30_000;

const root = repoRoot;
const SPEC = path.join(root, 'test/fixtures/mocks/petstore.openapi.yaml');

const json = { 'content-type': 'application/json', accept: 'application/json' };

/** The n-th request of the mix: the same for both servers. */
export function mockMix(n: number): LoadRequest {
  const id = (n % 1000) + 1;
  switch (n % 5) {
    case 0:
      return { path: '/pets?limit=10', headers: { accept: 'application/json' } };
    case 1:
      return { path: `/pets/${id}`, headers: { accept: 'application/json' } };
    case 2:
      return { path: '/pets', method: 'POST', headers: json, body: JSON.stringify({ name: `Pet ${id}`, tag: 'dog', status: 'available' }), expectStatus: 201 };
    case 3:
      return { path: `/stores/store-${n % 10}/inventory`, headers: { accept: 'application/json' } };
    default:
      return { path: `/pets/${id}`, method: 'DELETE', expectStatus: 204 };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Side {
  label: string;
  /** The command line that serves SPEC on `port`. */
  command: (port: number) => string[];
}

interface Served {
  child: ChildProcess;
  url: string;
  logFile: string;
}

const tail = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' / ') : '');

/** Starts a side (its output goes to a file, so a chatty server costs this process nothing) and waits until GET /pets answers. */
async function serve(side: Side, dir: string): Promise<Served> {
  const port = await freePort();
  const logFile = path.join(dir, `${side.label.replace(/\W+/g, '-')}.log`);
  const out = fs.openSync(logFile, 'w');
  const [cmd, ...args] = side.command(port);
  const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', out, out], env: { ...process.env, COURIER_HOME: path.join(dir, 'home'), NO_COLOR: '1' } });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${side.label} exited with ${child.exitCode}: ${tail(logFile)}`);
    try {
      const res = await request(`${url}/pets?limit=1`, { headers: { accept: 'application/json' } });
      await res.body.text();
      if (res.statusCode === 200) return { child, url, logFile };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${side.label} did not answer GET /pets within ${START_TIMEOUT_MS / 1000} s: ${tail(logFile)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/** Each request of the mix once: the answers that are not what the spec says (empty when all are). */
async function checkMix(url: string): Promise<string[]> {
  const wrong: string[] = [];
  for (let n = 0; n < 5; n++) {
    const r = mockMix(n);
    const res = await request(`${url}${r.path}`, { method: r.method ?? 'GET', headers: r.headers, body: r.body });
    const text = await res.body.text();
    if (res.statusCode !== (r.expectStatus ?? 200)) wrong.push(`${r.method ?? 'GET'} ${r.path} → ${res.statusCode} ${text.slice(0, 120)}`);
  }
  return wrong;
}

function prismEntry(): string | null {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const pkg = require.resolve('@stoplight/prism-cli/package.json');
    const entry = path.join(path.dirname(pkg), 'dist', 'index.js');
    return fs.existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

interface Ready {
  served: Served;
  /** Requests of the mix answered otherwise than the spec says. */
  wrong: string[];
  rounds: LoadResult[];
  /** CPU seconds the server process spent during the rounds (NaN where /proc cannot tell). */
  cpuSeconds: number;
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a process so far, from /proc (Linux); NaN elsewhere. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return NaN;
  }
}

/** Starts a side, checks each request of the mix once and warms it up; the reason when it cannot. */
async function ready(side: Side, dir: string): Promise<Ready | { failed: string }> {
  let served: Served | undefined;
  try {
    served = await serve(side, dir);
    const wrong = await checkMix(served.url);
    await runLoad({ url: served.url, path: '/', connections: CONNECTIONS, request: mockMix, durationMs: WARMUP_MS });
    return { served, wrong, rounds: [], cpuSeconds: 0 };
  } catch (err) {
    if (served) await stop(served.child);
    return { failed: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

type Summary = LoadResult & { wrong: string[]; cpuUsPerRequest: number };

function summary(r: Ready): Summary {
  const requests = r.rounds.reduce((n, x) => n + x.requests + x.errors, 0);
  return {
    cpuUsPerRequest: (r.cpuSeconds * 1e6) / requests,
    requests: r.rounds.reduce((n, x) => n + x.requests, 0),
    perSecond: median(r.rounds.map((x) => x.perSecond)),
    p50Ms: median(r.rounds.map((x) => x.p50Ms)),
    p99Ms: median(r.rounds.map((x) => x.p99Ms)),
    errors: r.rounds.reduce((n, x) => n + x.errors, 0),
    wrong: r.wrong,
  };
}

const fmtErrors = (r: LoadResult & { wrong: string[] }) =>
  [r.errors > 0 ? `${r.errors} unexpected answers` : '', r.wrong.length > 0 ? `off-spec: ${r.wrong.join('; ')}` : ''].filter(Boolean).join('; ');

export async function benchMock(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-mock-'));
  const cli = path.join(root, 'dist', 'cli.mjs');
  const courierSide: Side = { label: 'courier mock', command: (port) => [process.execPath, cli, 'mock', SPEC, '--port', String(port)] };
  const entry = prismEntry();
  const prismSide: Side | null = entry === null ? null : { label: 'prism mock', command: (port) => [process.execPath, entry, 'mock', SPEC, '-p', String(port), '-h', '127.0.0.1'] };
  const rps = `mock: requests/s (${CONNECTIONS} connections, median of ${ROUNDS} alternating ${ROUND_MS / 1000} s rounds; GET list, GET by id, validated POST, GET inventory, DELETE)`;
  const p99 = 'mock: p99 latency (same load)';
  const ours = await ready(courierSide, dir);
  const peer = prismSide ? await ready(prismSide, dir) : { failed: 'not installed (npm install adds @stoplight/prism-cli as a devDependency)' };
  try {
    // Rounds alternate between the two, so a busy moment on a shared machine hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of [ours, peer]) {
        if ('failed' in side) continue;
        const cpuBefore = cpuSecondsOf(side.served.child.pid);
        side.rounds.push(await runLoad({ url: side.served.url, path: '/', connections: CONNECTIONS, request: mockMix, durationMs: ROUND_MS }));
        side.cpuSeconds += cpuSecondsOf(side.served.child.pid) - cpuBefore;
      }
    }
  } finally {
    for (const side of [ours, peer]) if (!('failed' in side)) await stop(side.served.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const a = 'failed' in ours ? null : summary(ours);
  const b = 'failed' in peer ? null : summary(peer);
  const notes = [
    'failed' in ours ? `courier failed: ${ours.failed}` : fmtErrors(a!) && `courier: ${fmtErrors(a!)}`,
    'failed' in peer ? `peer not run: prism ${peer.failed}` : fmtErrors(b!) && `prism: ${fmtErrors(b!)}`,
  ].filter(Boolean);
  const row = (name: string, unit: string, pick: (r: Summary) => number, extra: string): BenchRow => ({
    name,
    value: a ? pick(a) : NaN,
    unit,
    peer: 'prism 5.14 CLI',
    peerValue: b ? pick(b) : undefined,
    ratio: a && b ? pick(a) / pick(b) : undefined,
    note: [extra, ...notes].filter(Boolean).join('; '),
  });
  const counts = a && b ? `${a.requests} vs ${b.requests} answered in all; higher is better` : '';
  const p50 = a && b ? `p50 ${a.p50Ms.toFixed(2)} vs ${b.p50Ms.toFixed(2)} ms; lower is better` : '';
  const cpu = 'mock: server CPU time per request (same load; steadier than req/s on a busy machine)';
  return [
    row(rps, 'req/s', (r) => r.perSecond, counts),
    row(p99, 'ms', (r) => r.p99Ms, p50),
    row(cpu, 'µs', (r) => r.cpuUsPerRequest, 'user + system CPU of the server process (/proc); lower is better'),
  ];
}
