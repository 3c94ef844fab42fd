// TEST-ONLY: builds collections for the runner's tests from short Postman-style descriptions, and
// runs them against the loopback test server with a real HTTP engine and the fake script runtime.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/test-server.js';
import type { CollectionNode } from '../formats/item-tree.js';
import { importPostmanCollection } from '../formats/postman/index.js';
import { createHttpEngine, type HttpEngine } from '../http/engine.js';
import { fakeRuntime, type FakeRuntime } from './fake-runtime.fixture.js';
import { runCollection } from './run-collection.js';
import type { RunEvent, RunOptions, RunResult } from './types.js';

type Scripts = { pre?: string; test?: string };
const events = ({ pre, test }: Scripts) => [
  ...(pre ? [{ listen: 'prerequest', script: { exec: pre.split('\n') } }] : []),
  ...(test ? [{ listen: 'test', script: { exec: test.split('\n') } }] : []),
];

export const req = (name: string, url: string, s: Scripts & { id?: string; method?: string; body?: string } = {}) => ({
  name,
  ...(s.id ? { id: s.id } : {}),
  event: events(s),
  request: { method: s.method ?? 'GET', url, ...(s.body ? { body: { mode: 'raw', raw: s.body } } : {}) },
});
export const folder = (name: string, item: unknown[], s: Scripts = {}) => ({ name, item, event: events(s) });
export const collection = (item: unknown[], s: Scripts & { variables?: Record<string, string> } = {}): CollectionNode =>
  importPostmanCollection({
    info: { name: 'Runner test' },
    item,
    event: events(s),
    variable: Object.entries(s.variables ?? {}).map(([key, value]) => ({ key, value })),
  }).root;

export interface Harness {
  server: TestServer;
  engine: HttpEngine;
  dir: string;
  run(root: CollectionNode, options?: RunOptions): Promise<RunResult & { events: RunEvent[]; runtime: FakeRuntime }>;
}

/** One loopback server and one engine per test file; each run gets a fresh fake runtime. */
export function useRunnerHarness(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.server = await startTestServer();
    h.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-runner-'));
    h.engine = createHttpEngine({ dataDir: h.dir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
    h.run = async (root, options = {}) => {
      const runtime = fakeRuntime();
      const seen: RunEvent[] = [];
      const result = await runCollection(root, options, { engine: h.engine, createRuntime: async () => runtime, onEvent: (e) => seen.push(e) });
      return { ...result, events: seen, runtime };
    };
  });
  afterAll(async () => {
    await h.engine.close();
    await h.server.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });
  return h;
}

/** "name: passed" lines, for compact expectations. */
export const outcomes = (r: RunResult) => r.executions.flatMap((e) => e.tests.map((t) => `${e.name}: ${t.name} ${t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed'}`));
export const names = (r: RunResult) => r.executions.map((e) => (r.stats.iterations.total > 1 ? `${e.iteration}:${e.name}` : e.name));
