// Where a collection run's time goes, per request: the runner of `courier run` driven in a child
// process of its own with the HTTP engine, the script runtime and the reporters wrapped in timers.
// Stages: the send (the HTTP engine: connection, request, response, body), the test scripts (the
// whole round trip: input copied to the sandbox worker, the script, the result copied back and
// checked), the reporters, and the rest (plan, variable resolution, result bookkeeping).
// Information for bench/runner.ts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const execFileAsync = promisify(execFile);

export interface StageTimes {
  requests: number;
  totalMs: number;
  sendMs: number;
  prerequestMs: number;
  testMs: number;
  reportersMs: number;
}

const child = (root: string) => `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPostmanCollection, importPostmanVariables } from ${JSON.stringify(path.join(root, 'electron/services/formats/postman/index.ts'))};
import { createHttpEngine } from ${JSON.stringify(path.join(root, 'electron/services/http/engine.ts'))};
import { createReporters } from ${JSON.stringify(path.join(root, 'electron/services/runner/reporters/index.ts'))};
import { runCollection } from ${JSON.stringify(path.join(root, 'electron/services/runner/run-collection.ts'))};
import { createSandboxRuntime } from ${JSON.stringify(path.join(root, 'electron/services/runner/sandbox.ts'))};

const [collectionFile, envFile, reportFile] = process.argv.slice(2);
const t = { sendMs: 0, prerequestMs: 0, testMs: 0, reportersMs: 0 };
const timed = async (key, fn) => { const s = performance.now(); try { return await fn(); } finally { t[key] += performance.now() - s; } };
const root = importPostmanCollection(JSON.parse(fs.readFileSync(collectionFile, 'utf8')), collectionFile).root;
const environment = importPostmanVariables(JSON.parse(fs.readFileSync(envFile, 'utf8')), envFile).variables;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-stages-'));
const engine = createHttpEngine({ dataDir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
const timedEngine = { ...engine, send: (...args) => timed('sendMs', () => engine.send(...args)) };
const reporters = createReporters(['json'], { write: () => undefined, color: false, cwd: process.cwd(), exports: { json: reportFile } });
const started = performance.now();
const result = await runCollection(root, { environment, workingDir: process.cwd() }, {
  engine: timedEngine,
  createRuntime: async () => {
    const rt = await createSandboxRuntime();
    return { run: (input, host) => timed(input.kind === 'test' ? 'testMs' : 'prerequestMs', () => rt.run(input, host)), close: () => rt.close() };
  },
  onEvent: (event) => { const s = performance.now(); for (const r of reporters) r.onEvent?.(event); t.reportersMs += performance.now() - s; },
});
await timed('reportersMs', async () => { for (const r of reporters) await r.finish?.(result); });
const totalMs = performance.now() - started;
await engine.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ requests: result.executions.length, totalMs, ...t }));
`;

/** Runs the collection once in a child process and answers the time per stage. */
export async function measureStages(root: string, dir: string, collectionFile: string, envFile: string): Promise<StageTimes> {
  // The bundle lives in the repository, where its packages resolve from node_modules.
  const bundleDir = path.join(root, '.tmp', `bench-runner-stages-${process.pid}`);
  fs.mkdirSync(bundleDir, { recursive: true });
  try {
    const entry = path.join(bundleDir, 'stages.ts');
    const bundle = path.join(bundleDir, 'stages.mjs');
    fs.writeFileSync(entry, child(root));
    await build({ entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    // Asynchronous on purpose: the server answering the child runs in this process.
    const { stdout } = await execFileAsync(process.execPath, [bundle, collectionFile, envFile, path.join(dir, 'stages-report.json')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, COURIER_SANDBOX_DIR: path.join(root, 'dist', 'sandbox') },
    });
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as StageTimes;
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
}

/** The stages as rows, in µs per request. */
export function stageNotes(s: StageTimes): { name: string; us: number; note: string }[] {
  const per = (ms: number) => (ms / s.requests) * 1000;
  const rest = s.totalMs - s.sendMs - s.prerequestMs - s.testMs - s.reportersMs;
  return [
    { name: 'send (HTTP engine: request, response, body)', us: per(s.sendMs), note: 'engine.send' },
    { name: 'test scripts (sandbox round trip)', us: per(s.testMs), note: 'input to the worker, the script, the result back and checked' },
    ...(s.prerequestMs > 0 ? [{ name: 'pre-request scripts', us: per(s.prerequestMs), note: '' }] : []),
    { name: 'reporters (json)', us: per(s.reportersMs), note: 'events and the report file' },
    { name: 'runner (plan, variables, resolution, results)', us: per(rest), note: 'the rest of the run' },
  ];
}
