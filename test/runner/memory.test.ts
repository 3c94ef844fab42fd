// Memory stays flat over a long run: 10,000 requests with 20 KB bodies, each body handed to a test
// script, must not grow the heap by anything like the bodies' 200 MB (newman keeps every body).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPostmanCollection } from '../../electron/services/formats/postman/index.js';
import { createHttpEngine } from '../../electron/services/http/engine.js';
import { runCollection } from '../../electron/services/runner/run-collection.js';
import type { ScriptRuntime } from '../../electron/services/scripting/types.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const REQUESTS = 10_000;
const BODY = 20_000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-memory-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in sandbox that reads the body as a test would, and keeps nothing. */
const readingRuntime: ScriptRuntime = {
  async run(input) {
    const size = input.response?.body.length ?? 0;
    return { tests: [{ name: 'body read', passed: size === BODY, skipped: false }], console: [], variables: input.variables };
  },
  async close() {},
};

it(`a ${REQUESTS.toLocaleString('en-US')}-request run keeps summaries, not bodies`, async () => {
  const root = importPostmanCollection({
    info: { name: 'Long run' },
    item: Array.from({ length: 10 }, (_, i) => ({
      name: `R${i}`,
      event: [{ listen: 'test', script: { exec: ['pm.test("body read", () => {});'] } }],
      request: { url: `${server.url}/bytes/${BODY}` },
    })),
  }).root;
  const engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
  const heap: number[] = [];
  try {
    const result = await runCollection(
      root,
      { iterations: REQUESTS / 10 },
      {
        engine,
        createRuntime: async () => readingRuntime,
        onEvent: (e) => {
          if (e.type === 'request' && e.sequence % 2000 === 0) {
            gc();
            heap.push(process.memoryUsage().heapUsed);
          }
        },
      },
    );
    expect(result.executions).toHaveLength(REQUESTS);
    expect(result.stats.assertions).toMatchObject({ total: REQUESTS, failed: 0 });
  } finally {
    await engine.close();
  }
  const growthMb = (heap.at(-1)! - heap[0]) / 1024 / 1024;
  console.log(`heap after 2,000 / 4,000 / … requests (MB): ${heap.map((h) => (h / 1024 / 1024).toFixed(1)).join(' / ')}; growth ${growthMb.toFixed(1)} MB`);
  // 8,000 more requests would be 160 MB of bodies; their summaries are a few MB.
  expect(growthMb).toBeLessThan(20);
}, 180_000);
