// HTTP engine: 2,000 sequential GETs to a loopback server through the engine (pooled keep-alive
// connections, full response processing: timings, cookie jar, body decoding), against curl
// fetching the same 2,000 URLs in one process (one keep-alive connection, bodies to /dev/null).
//
// Two engine rows: the first 2,000 GETs in a fresh process ("cold": V8 is still compiling the
// engine, undici and the in-process server), then the next 2,000 ("warm", what a running app or a
// long collection run sees). curl runs last, against the then warm server; its time includes its
// own process start. Information only, never a pass/fail threshold.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRequest, type RequestSpec } from '../shared/model.js';
import { createHttpEngine, type HttpEngine } from '../electron/services/http/engine.js';
import { startTestServer } from '../test/support/test-server.js';
import type { BenchRow } from './types.js';

const N = 2000;

function run(cmd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // Asynchronous on purpose: the server answering curl runs in this process.
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => resolve({ code: -1, stderr: err.message }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function timeSends(engine: HttpEngine, specs: RequestSpec[]): Promise<number> {
  const start = performance.now();
  for (const spec of specs) {
    const { error } = await engine.send(spec, { sendId: 'bench', bodyLimitBytes: 100 * 1024 * 1024 });
    if (error) throw new Error(`engine send failed: ${error.message}`);
  }
  return performance.now() - start;
}

export async function benchHttp(): Promise<BenchRow[]> {
  const server = await startTestServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-http-'));
  const engine = createHttpEngine({ dataDir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
  const urls = Array.from({ length: N }, (_, i) => `${server.url}/small?n=${i}`);
  // Requests are built (and schema-parsed) up front: the bench times the engine, not zod.
  const specs = urls.map((url) => defaultRequest({ url }));
  const name = `http: ${N.toLocaleString('en-US')} sequential GETs, loopback`;
  try {
    const coldMs = await timeSends(engine, specs);
    const warmMs = await timeSends(engine, specs);
    const cold: BenchRow = { name: `${name} (engine cold)`, value: coldMs, unit: 'ms' };
    const warm: BenchRow = { name: `${name} (engine warm)`, value: warmMs, unit: 'ms' };

    const version = await run('curl', ['--version']);
    if (version.code !== 0) {
      return [cold, warm, { name: `${name} (curl)`, value: NaN, unit: 'ms', note: 'peer not run: curl is not installed' }];
    }
    const config = path.join(dataDir, 'curl.cfg');
    fs.writeFileSync(config, urls.map((u) => `url = "${u}"\noutput = "/dev/null"\n`).join(''));
    const hitsBefore = server.hits('/small');
    const curlStart = performance.now();
    const curl = await run('curl', ['-s', '-S', '-K', config]);
    const curlMs = performance.now() - curlStart;
    const fetched = server.hits('/small') - hitsBefore;
    if (curl.code !== 0 || fetched !== N) {
      const note = `peer failed: curl exited ${curl.code} after ${fetched} of ${N} URLs ${curl.stderr.trim()}`.trim();
      return [cold, warm, { name: `${name} (curl)`, value: NaN, unit: 'ms', note }];
    }
    const vsCurl = (row: BenchRow): BenchRow => ({ ...row, peer: 'curl', peerValue: curlMs, ratio: row.value / curlMs });
    return [
      vsCurl({ ...cold, note: 'first 2,000 sends in the process: includes V8 warm-up of engine and server' }),
      vsCurl({ ...warm, note: `${((warmMs / N) * 1000).toFixed(0)} µs per request; curl ${((curlMs / N) * 1000).toFixed(0)} µs` }),
    ];
  } finally {
    await engine.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
