// The Runner view's channels through the real dispatcher: start, progress events (checked against
// the contract's schema), result, report, cancel, variables written back (fake script runtime).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { events as eventSchemas, type EventPayload, type RpcReply } from '../../../shared/contract.js';
import { startTestServer, type TestServer } from '../../../test/support/test-server.js';
import { EventBus } from '../events.js';
import { saveCollectionTree } from '../formats/item-tree.js';
import { importPostmanCollection } from '../formats/postman/index.js';
import { createHttpEngine, type HttpEngine } from '../http/engine.js';
import { dispatch } from '../rpc/dispatch.js';
import { fakeRuntime } from '../runner/fake-runtime.fixture.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { createHandlers } from './index.js';

let server: TestServer;
let dir: string;
let ws: Workspace;
let engine: HttpEngine;
let bus: EventBus;
let progress: EventPayload<'runner.progress'>[];
let call: (channel: string, input: unknown) => Promise<RpcReply>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-runner-handlers-'));
  ws = openWorkspace(dir);
  engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
  bus = new EventBus();
  progress = [];
  bus.subscribe((name, payload) => {
    if (name === 'runner.progress') progress.push(eventSchemas['runner.progress'].parse(payload)); // every event fits the contract
  });
  const handlers = createHandlers({ workspace: ws, engine, events: bus, host: 'web', version: 'test', createScriptRuntime: async () => fakeRuntime() });
  call = (channel, input) => dispatch(handlers, channel, input);
});
afterEach(async () => {
  await engine.close();
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const value = async <T = Record<string, unknown>>(reply: Promise<RpcReply>): Promise<T> => {
  const r = await reply;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

function saveCollection(): { id: string; failingId: string } {
  const { root } = importPostmanCollection({
    info: { name: 'App run' },
    variable: [{ key: 'base', value: server.url }],
    item: [
      {
        name: 'Folder',
        item: [
          { name: 'Pass', event: [{ listen: 'test', script: { exec: ["pm.test('ok', () => {}); pm.environment.set('seen', pm.iterationData.get('n'));"] } }], request: { url: '{{base}}/json' } },
          { name: 'Fail', event: [{ listen: 'test', script: { exec: ["pm.test('bad', () => pm.expect(1).to.equal(2)); pm.collectionVariables.set('c', 'C'); pm.globals.set('g', 'G');"] } }], request: { url: '{{base}}/status/500' } },
        ],
      },
    ],
  });
  const { id } = saveCollectionTree(ws, root);
  return { id, failingId: ws.tree().find((n) => n.name === 'Fail')!.id };
}

const finished = async (runId: string) => {
  for (let i = 0; i < 200 && !progress.some((e) => e.runId === runId && e.type === 'done'); i++) await new Promise((r) => setTimeout(r, 10));
  return progress.filter((e) => e.runId === runId);
};

describe('runner channels', () => {
  it('start → progress events → result → report; variables written back when asked', async () => {
    const { id } = saveCollection();
    const env = ws.createEnvironment({ name: 'Env', variables: [{ key: 'keep', value: '1', enabled: true, secret: false }] });
    ws.updateSettings({ activeEnvironmentId: env.id });
    const started = await value<{ runId: string; iterations: number; requestsPerIteration: number; dataProblems: string[] }>(
      call('runner.start', { collectionId: id, data: { fileName: 'rows.csv', text: 'n\n1\n"2"x\n3\n' }, persistVariables: true }),
    );
    expect(started).toMatchObject({ iterations: 2, requestsPerIteration: 2, dataProblems: [expect.stringContaining('rows.csv row 2 (line 3)')] });
    const seen = await finished(started.runId);
    expect(seen.map((e) => e.type)).toEqual(['start', 'warning', 'iteration', 'request', 'request', 'iteration', 'request', 'request', 'done']);
    const done = seen.at(-1) as Extract<EventPayload<'runner.progress'>, { type: 'done' }>;
    expect(done.summary.stats.assertions).toEqual({ total: 4, failed: 2, pending: 0 });
    expect(done.summary.failures.map((f) => f.kind)).toEqual(['data', 'assertion', 'assertion']);

    const got = await value<{ status: string; result: { executions: unknown[] } }>(call('runner.get', { runId: started.runId }));
    expect(got.status).toBe('done');
    expect(got.result.executions).toHaveLength(4);
    const junit = await value<{ fileName: string; text: string }>(call('runner.report', { runId: started.runId, format: 'junit' }));
    expect(junit.fileName).toBe('App run-run.xml');
    expect(junit.text).toContain('<testsuite name="Folder / Fail"');

    expect(ws.getEnvironment(env.id).variables.map((v) => [v.key, v.value])).toEqual([['keep', '1'], ['seen', '3']]);
    expect(ws.getGlobals().map((v) => [v.key, v.value])).toEqual([['g', 'G']]);
    expect(ws.getItem(id).variables!.map((v) => [v.key, v.value])).toEqual([['base', server.url], ['c', 'C']]);
  });

  it('re-runs only the requests given, without touching the workspace variables by default', async () => {
    const { id, failingId } = saveCollection();
    const { runId } = await value<{ runId: string }>(call('runner.start', { collectionId: id, itemIds: [failingId], environmentId: null }));
    const seen = await finished(runId);
    expect(seen.filter((e) => e.type === 'request').map((e) => (e.type === 'request' ? e.execution.name : ''))).toEqual(['Fail']);
    expect(ws.getGlobals()).toEqual([]);
  });

  it('cancels a running run', async () => {
    const { root } = importPostmanCollection({ info: { name: 'Slow' }, item: ['a', 'b', 'c'].map((n) => ({ name: n, request: { url: `${server.url}/delay/300` } })) });
    const { id } = saveCollectionTree(ws, root);
    const { runId } = await value<{ runId: string }>(call('runner.start', { collectionId: id }));
    await new Promise((r) => setTimeout(r, 100));
    expect(await value(call('runner.get', { runId }))).toEqual({ status: 'running', result: null });
    expect(await value(call('runner.cancel', { runId }))).toEqual({ cancelled: true });
    const seen = await finished(runId);
    const done = seen.at(-1) as Extract<EventPayload<'runner.progress'>, { type: 'done' }>;
    expect(done.summary.cancelled).toBe(true);
    expect(seen.filter((e) => e.type === 'request')).toHaveLength(1);
    expect(await value(call('runner.cancel', { runId }))).toEqual({ cancelled: false });
  });

  it('bad input is refused before anything runs', async () => {
    const { id } = saveCollection();
    expect(await call('runner.start', { collectionId: id, itemIds: ['nope'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('No folder or request named "nope"') } });
    expect(await call('runner.start', { collectionId: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('runner.start', { collectionId: id, iterations: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('runner.get', { runId: 'unknown' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
