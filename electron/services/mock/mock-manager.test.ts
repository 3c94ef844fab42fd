// The MockManager on a real workspace and real loopback ports: a snapshot of the source at start,
// 127.0.0.1 by default, latency, CORS (and preflight), the log (newest 1,000) and its events, and
// refusals that leave nothing listening: a bad spec, a collection without examples, a taken port.
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { defaultRequest } from '../../../shared/model.js';
import { EventBus } from '../events.js';
import { useTempWorkspace } from '../formats/test-workspace.js';
import { createMockManager, type MockManager } from './mock-manager.js';
import { PETSTORE_30 } from './petstore.fixture.js';
import { freePort, listening } from './ports.fixture.js';

const temp = useTempWorkspace();
let events: { name: EventName; payload: unknown }[];
let manager: MockManager;
let bus: EventBus;
beforeEach(() => {
  events = [];
  bus = new EventBus();
  bus.subscribe((name, payload) => events.push({ name, payload }));
  manager = createMockManager({ workspace: temp.ws(), events: bus });
});
afterEach(async () => {
  await manager.stopAll();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

function collectionWithExamples() {
  const ws = temp.ws();
  const collection = ws.createItem({ kind: 'collection', parentId: null, name: 'Users API' });
  const request = ws.createItem({ kind: 'request', parentId: collection.id, name: 'Get user', request: defaultRequest({ url: '{{baseUrl}}/users/{{id}}' }) });
  ws.createExample(request.id, { name: 'Ann', status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json']], body: '{"name":"Ann"}' });
  // An example saved with its own original request (Postman's originalRequest): a search.
  ws.createExample(request.id, {
    name: 'Search',
    status: 200,
    statusText: 'OK',
    headers: [['Content-Type', 'application/json']],
    body: '[]',
    request: defaultRequest({ url: '{{baseUrl}}/users?q=nobody', params: [{ key: 'q', value: 'nobody', enabled: true }] }),
  });
  return collection;
}

describe('MockManager', () => {
  it('serves a spec of the workspace on 127.0.0.1, logs each request and emits events; stop frees the port', async () => {
    const spec = temp.ws().createSpec({ name: 'Petstore', format: 'yaml', text: PETSTORE_30 });
    const info = await manager.start({ source: { kind: 'spec', specId: spec.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true });
    expect(info).toMatchObject({ name: 'Petstore', host: '127.0.0.1', url: `http://127.0.0.1:${info.port}`, requests: 0, source: { kind: 'spec', specId: spec.id } });
    // The source is a snapshot: changing the spec now does not change the running mock.
    temp.ws().updateSpec(spec.id, { text: 'openapi: 3.0.3\n' });
    expect((await fetch(`${info.url}/pets/abc`)).status).toBe(400);
    expect((await fetch(`${info.url}/pets?limit=2`)).status).toBe(200);
    const log = manager.log(info.id);
    expect(log.map((e) => [e.seq, e.method, e.path, e.status, e.match])).toEqual([
      [1, 'GET', '/pets/abc', 400, 'GET /pets/{petId}'],
      [2, 'GET', '/pets?limit=2', 200, 'GET /pets'],
    ]);
    expect(log[0].problems).toEqual(['path parameter `petId` must be an integer']);
    expect(manager.list()[0].requests).toBe(2);
    expect(events.filter((e) => e.name === 'mocks.request').map((e) => e.payload)).toEqual(log);
    await manager.stop(info.id);
    expect(await listening(info.port)).toBe(false);
    expect(manager.list()).toEqual([]);
    const changes = events.filter((e) => e.name === 'mocks.changed').map((e) => (e.payload as { mocks: unknown[] }).mocks.length);
    expect(changes).toEqual([1, 0]);
    await expect(manager.stop(info.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves a collection\'s examples, matching an example\'s own original request', async () => {
    const collection = collectionWithExamples();
    const info = await manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true });
    expect(await (await fetch(`${info.url}/users/7`)).json()).toEqual({ name: 'Ann' });
    expect(await (await fetch(`${info.url}/users?q=nobody`)).json()).toEqual([]);
    expect(manager.log(info.id).map((e) => e.match)).toEqual(['Ann', 'Search']);
  });

  it('a spec that does not validate: BAD_INPUT with each problem and its line, nothing left listening', async () => {
    const port = await freePort();
    const broken = PETSTORE_30.replace("            type: integer\n      responses:\n        '200':\n          description: A pet", "            type: integr\n      responses:\n        '200':\n          description: A pet");
    const spec = temp.ws().createSpec({ name: 'Broken', format: 'yaml', text: broken });
    const err = await rejection(manager.start({ source: { kind: 'spec', specId: spec.id }, port, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toBe(
      'The spec "Broken" cannot be mocked (1 problem):\n' +
        '  line 66, column 13: `schema.type` in parameter `petId` of GET /pets/{petId} must be one of `array`, `boolean`, `integer`, `number`, `object`, `string`, not the text "integr". (at /paths/~1pets~1{petId}/get/parameters/0/schema/type)',
    );
    expect(err.issues).toHaveLength(1);
    expect(await listening(port)).toBe(false);
    expect(manager.list()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('a spec that is not YAML at all, or has no paths: BAD_INPUT saying so', async () => {
    const notYaml = temp.ws().createSpec({ name: 'Garbage', format: 'yaml', text: 'openapi: 3.0.3\ninfo: [unclosed\n' });
    const err = await rejection(manager.start({ source: { kind: 'spec', specId: notYaml.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true }));
    expect(err.message).toMatch(/^The spec "Garbage" cannot be mocked \(\d problems?\):\n {2}line \d+, column \d+: /);
    const empty = temp.ws().createSpec({ name: 'Empty', format: 'yaml', text: 'openapi: 3.0.3\ninfo:\n  title: E\n  version: "1"\npaths: {}\n' });
    const none = await rejection(manager.start({ source: { kind: 'spec', specId: empty.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true }));
    expect(none.message).toMatch(/has no operations to mock/);
    expect(manager.list()).toEqual([]);
  });

  it('a collection without examples: BAD_INPUT saying so', async () => {
    const collection = temp.ws().createItem({ kind: 'collection', parentId: null, name: 'Bare' });
    const err = await rejection(manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/The collection "Bare" has no saved examples to serve/);
  });

  it('a port in use: CONFLICT naming the port, and no mock listed', async () => {
    const collection = collectionWithExamples();
    const first = await manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true });
    const err = await rejection(manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: first.port, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(`Port ${first.port} on 127.0.0.1 is already in use; choose another port (or 0 for any free one)`);
    expect(manager.list().map((m) => m.id)).toEqual([first.id]);
  });

  it('adds the latency to every response', async () => {
    const collection = collectionWithExamples();
    const info = await manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: 0, host: '127.0.0.1', latencyMs: 250, cors: true, validateRequests: true });
    const started = performance.now();
    await (await fetch(`${info.url}/users/1`)).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(245);
    expect(manager.log(info.id)[0].durationMs).toBeGreaterThanOrEqual(245);
  });

  it('CORS: headers on answers and preflights answered; --no-cors sends none', async () => {
    const collection = collectionWithExamples();
    const source = { kind: 'collection' as const, collectionId: collection.id };
    const on = await manager.start({ source, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true });
    const res = await fetch(`${on.url}/users/1`, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const preflight = await fetch(`${on.url}/users/1`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-token, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-token, content-type');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const off = await manager.start({ source, port: 0, host: '127.0.0.1', latencyMs: 0, cors: false, validateRequests: true });
    expect((await fetch(`${off.url}/users/1`, { headers: { origin: 'http://localhost:3000' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('binds 127.0.0.1 by default: not reachable on the machine\'s other addresses', async () => {
    const collection = collectionWithExamples();
    const info = await manager.start({ source: { kind: 'collection', collectionId: collection.id } } as Parameters<MockManager['start']>[0]);
    expect(info.host).toBe('127.0.0.1');
    const outside = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (outside) expect(await listening(info.port, outside.address)).toBe(false);
    expect(await listening(info.port)).toBe(true);
  });

  it('stops a mock when its source is deleted', async () => {
    const collection = collectionWithExamples();
    const info = await manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true });
    temp.ws().deleteItem(collection.id);
    bus.emit('workspace.changed', { what: 'tree' });
    await vi.waitFor(async () => expect(await listening(info.port)).toBe(false));
    expect(manager.list()).toEqual([]);
    expect(events.filter((e) => e.name === 'mocks.changed').map((e) => (e.payload as { mocks: unknown[] }).mocks.length)).toEqual([1, 0]);
  });

  it('keeps the newest 1,000 log entries', async () => {
    const collection = collectionWithExamples();
    const info = await manager.start({ source: { kind: 'collection', collectionId: collection.id }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true });
    for (let i = 0; i < 1_005; i++) await (await fetch(`${info.url}/users/${i}`)).arrayBuffer();
    const log = manager.log(info.id);
    expect(log).toHaveLength(1_000);
    expect(log[0]).toMatchObject({ seq: 6, path: '/users/5' });
    expect(log[999]).toMatchObject({ seq: 1_005, path: '/users/1004' });
    expect(manager.list()[0].requests).toBe(1_005);
  }, 60_000);
});
