// The differential test: the project's own Postman collections (test/fixtures/collections) run by
// newman (its library API) and by Courier (the runner with the real script sandbox) against the
// same loopback server. Every request must run in the same order, and every test must have the
// same outcome (passed, failed or skipped) and every script error the same place, in both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPostmanCollection } from '../../electron/services/formats/postman/index.js';
import { createHttpEngine } from '../../electron/services/http/engine.js';
import { readDataFile } from '../../electron/services/runner/data-file.js';
import { runCollection } from '../../electron/services/runner/run-collection.js';
import { createSandboxRuntime } from '../../electron/services/runner/sandbox.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { courierOutcomes, newmanOutcomes, type ExecutionOutcome } from './newman-outcomes.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/collections');

const CASES: { name: string; collection?: string; data?: string }[] = [
  { name: 'response-assertions' },
  { name: 'variables-and-flow', data: 'variables-and-flow.data.csv' },
  { name: 'scripts-and-requests' },
  { name: 'libraries' },
  { name: 'send-request-and-cookies' },
  { name: 'bodies-and-edges' },
  { name: 'data-types (CSV)', collection: 'data-types', data: 'data-types.data.csv' },
  { name: 'data-types (JSON)', collection: 'data-types', data: 'data-types.data.json' },
];

const collectionFile = (c: (typeof CASES)[number]) => path.join(fixtures, `${c.collection ?? c.name}.postman_collection.json`);

/** pm.test and pm.test.skip calls written in a collection's scripts (calls in the source, not outcomes). */
function pmTestCalls(collection: unknown): number {
  let calls = 0;
  const walk = (node: { event?: { script?: { exec?: string[] | string } }[]; item?: unknown[] }) => {
    for (const e of node.event ?? []) {
      const exec = e.script?.exec ?? [];
      calls += ((Array.isArray(exec) ? exec.join('\n') : exec).match(/\bpm\.test(?:\.skip)?\s*\(/g) ?? []).length;
    }
    for (const child of node.item ?? []) walk(child as typeof node);
  };
  walk(collection as Parameters<typeof walk>[0]);
  return calls;
}

let server: TestServer;
let dataDir: string;
const totals = { collections: 0, requests: 0, tests: 0, failedInNewman: 0, mismatches: 0 };

beforeAll(async () => {
  server = await startTestServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-differential-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `differential: ${totals.collections} collections, ${totals.requests} requests, ${totals.tests} test outcomes compared ` +
      `(${totals.failedInNewman} failing in newman), ${totals.mismatches} mismatches`,
  );
});

const environment = () => [
  { key: 'baseUrl', value: server.url, enabled: true, secret: false },
  { key: 'shared', value: 'env', enabled: true, secret: false },
  { key: 'user', value: 'env-user', enabled: true, secret: false },
];

async function runCourier(collection: unknown, data: string | undefined): Promise<ExecutionOutcome[]> {
  const engine = createHttpEngine({ dataDir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
  try {
    const result = await runCollection(
      importPostmanCollection(collection).root,
      { environment: environment(), data: data ? readDataFile(path.join(fixtures, data)).rows : undefined, workingDir: fixtures },
      { engine, createRuntime: () => createSandboxRuntime() },
    );
    return courierOutcomes(result);
  } finally {
    await engine.close();
  }
}

/** Every difference, one line each: a request that ran in one only, or a test with another outcome. */
function differences(newman: ExecutionOutcome[], courier: ExecutionOutcome[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(newman.length, courier.length); i++) {
    const n = newman[i];
    const c = courier[i];
    if (!n || !c || n.key !== c.key) {
      out.push(`request #${i + 1}: newman ran ${n?.key ?? 'nothing'}, courier ran ${c?.key ?? 'nothing'}`);
      continue;
    }
    const theirs = n.tests.map(([t, o]) => `${t} → ${o}`);
    const ours = c.tests.map(([t, o]) => `${t} → ${o}`);
    for (const t of theirs.filter((x) => !ours.includes(x))) out.push(`${n.key}: newman ${t}, courier ${ours.find((o) => o.startsWith(t.split(' → ')[0] + ' →')) ?? 'no such test'}`);
    for (const t of ours.filter((x) => !theirs.includes(x) && !theirs.some((y) => y.startsWith(x.split(' → ')[0] + ' →')))) out.push(`${n.key}: courier ${t}, newman had no such test`);
    if (n.scriptErrors.join() !== c.scriptErrors.join()) out.push(`${n.key}: script errors newman [${n.scriptErrors}] courier [${c.scriptErrors}]`);
  }
  return out;
}

describe('Courier and newman give every test the same outcome', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const collection = JSON.parse(fs.readFileSync(collectionFile(c), 'utf8'));
      const newman = await newmanOutcomes({
        collection,
        environment: { values: environment() },
        ...(c.data ? { iterationData: path.join(fixtures, c.data) } : {}),
        workingDir: fixtures,
      });
      const courier = await runCourier(collection, c.data);
      const diff = differences(newman, courier);
      totals.collections++;
      totals.requests += newman.length;
      totals.tests += newman.reduce((n, e) => n + e.tests.length, 0);
      totals.failedInNewman += newman.reduce((n, e) => n + e.tests.filter(([, o]) => o === 'failed').length, 0);
      totals.mismatches += diff.length;
      expect(diff).toEqual([]);
      expect(courier).toEqual(newman);
    }, 60_000);
  }

  it('the collections cover at least 120 tests, some of them failing', () => {
    expect(totals.collections).toBe(CASES.length);
    expect(totals.tests).toBeGreaterThanOrEqual(120);
    expect(totals.failedInNewman).toBeGreaterThan(10);
  });

  it('at least 120 pm.test calls written across at least 5 collections (so the comparison cannot shrink silently)', () => {
    const files = [...new Set(CASES.map(collectionFile))];
    const calls = files.map((f) => pmTestCalls(JSON.parse(fs.readFileSync(f, 'utf8'))));
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(calls.every((n) => n > 0)).toBe(true);
    expect(calls.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120);
  });
});
