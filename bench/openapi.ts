// OpenAPI import for `npm run bench` (information, never pass/fail): a generated 1,000-operation
// OpenAPI 3.0 spec (200 tags, $ref'd schemas, bearer auth), as JSON and as YAML, imported into a
// fresh workspace — parse, $refs, example bodies, and the save in one transaction. Peer, in the
// same run: Courier's Postman importer loading the same 1,000 requests as a Postman v2.1
// collection (what an import costs when there is nothing to resolve or generate). Each side runs
// in its own process, so each peak RSS is its own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BenchRow } from './types.js';

const OPERATIONS = 1_000;
const RUNS = 5;

const root = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

const src = (p: string) => JSON.stringify(path.join(root, p));

/** One side: imports `file` RUNS times (each into a fresh workspace) and prints the median ms, requests and peak RSS. */
const side = `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importText } from ${src('electron/services/formats/index.ts')};
import { openWorkspace } from ${src('electron/services/store/workspace.ts')};
const [file, format] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const times = [];
let requests = 0;
for (let i = 0; i < ${RUNS}; i++) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-openapi-'));
  const ws = openWorkspace(home);
  const t = performance.now();
  const out = importText(ws, text, path.basename(file), format);
  times.push(performance.now() - t);
  requests = out.created[0].requests;
  ws.close();
  fs.rmSync(home, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: times[Math.floor(times.length / 2)], requests, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

/** Writes the spec (JSON, YAML) and the same requests as a Postman collection. */
const prepare = `
import fs from 'node:fs';
import { stringify } from 'yaml';
import { largeSpec } from ${src('electron/services/formats/openapi/large-spec.fixture.ts')};
import { importOpenApiText } from ${src('electron/services/formats/openapi/index.ts')};
import { exportPostmanCollection } from ${src('electron/services/formats/postman/index.ts')};
const [dir] = process.argv.slice(2);
const spec = largeSpec(${OPERATIONS});
fs.writeFileSync(dir + '/spec.json', JSON.stringify(spec));
fs.writeFileSync(dir + '/spec.yaml', stringify(spec));
const { root } = importOpenApiText(JSON.stringify(spec), 'spec.json');
fs.writeFileSync(dir + '/spec.postman_collection.json', JSON.stringify(exportPostmanCollection(root)));
`;

interface Side {
  ms: number;
  requests: number;
  maxRssMb: number;
}

async function bundle(dir: string, name: string, code: string): Promise<string> {
  fs.writeFileSync(path.join(dir, `${name}.ts`), code);
  const out = path.join(dir, `${name}.mjs`);
  await build({ entryPoints: [path.join(dir, `${name}.ts`)], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  return out;
}

function run(script: string, ...args: string[]): Side {
  const stdout = execFileSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Side;
}

export async function benchOpenapi(): Promise<BenchRow[]> {
  const dir = path.join(root, '.tmp', `bench-openapi-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync(process.execPath, [await bundle(dir, 'prepare', prepare), dir], { cwd: root, timeout: 120_000 });
    const script = await bundle(dir, 'side', side);
    const json = run(script, path.join(dir, 'spec.json'), 'openapi');
    const yaml = run(script, path.join(dir, 'spec.yaml'), 'openapi');
    const peer = run(script, path.join(dir, 'spec.postman_collection.json'), 'postman');
    const peerName = 'Postman v2.1 import, same requests';
    const size = (f: string) => `${(fs.statSync(path.join(dir, f)).size / 1048576).toFixed(1)} MB`;
    const row = (name: string, s: Side, file: string): BenchRow[] => [
      { name, value: s.ms, unit: 'ms', peer: peerName, peerValue: peer.ms, ratio: s.ms / peer.ms, note: `${s.requests} requests from ${size(file)}, median of ${RUNS}, into a fresh workspace` },
      { name: `${name}: peak RSS`, value: s.maxRssMb, unit: 'MB', peer: peerName, peerValue: peer.maxRssMb, ratio: s.maxRssMb / peer.maxRssMb, note: 'whole process, its own' },
    ];
    return [...row(`openapi: import ${OPERATIONS} operations (JSON)`, json, 'spec.json'), ...row(`openapi: import ${OPERATIONS} operations (YAML)`, yaml, 'spec.yaml')];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
