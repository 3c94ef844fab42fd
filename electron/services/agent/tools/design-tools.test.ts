// write_spec and start_mock on a real workspace, with real mock servers on loopback and the real
// script sandbox, called as the executor calls them (arguments parsed by each tool's schema, the
// approval judged before the run).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PETS_SPEC, PETS_SPEC_INVALID } from '../../../../test/support/pets-spec.js';
import { defaultRequest } from '../../../../shared/model.js';
import { useTempWorkspace } from '../../formats/test-workspace.js';
import { createHttpEngine, type HttpEngine } from '../../http/engine.js';
import { createMockManager, type MockManager } from '../../mock/mock-manager.js';
import { createSandboxRuntime } from '../../runner/sandbox.js';
import { ChangeRecorder } from '../checkpoint.js';
import { TOOLS_BY_NAME } from './index.js';
import type { ToolContext, ToolResult } from './types.js';

const temp = useTempWorkspace();
let engine: HttpEngine;
let mocks: MockManager;
let ctx: ToolContext;

beforeEach(() => {
  engine = createHttpEngine({ dataDir: temp.dir(), cookieStore: { load: () => null, save: () => undefined } });
  mocks = createMockManager({ workspace: temp.ws() });
  ctx = {
    workspace: temp.ws(),
    engine,
    recorder: new ChangeRecorder(temp.ws()),
    environmentId: null,
    signal: new AbortController().signal,
    createScriptRuntime: createSandboxRuntime,
    responses: new Map(),
    mocks,
  };
});
afterEach(async () => {
  await mocks.stopAll();
  await engine.close();
});

const tool = (name: string) => TOOLS_BY_NAME.get(name)!;
async function run(name: string, args: unknown): Promise<ToolResult> {
  return tool(name).run(tool(name).schema.parse(args), ctx);
}
const approvalOf = (name: string, args: unknown) => tool(name).approval?.(tool(name).schema.parse(args), ctx);

describe('write_spec', () => {
  it('refuses an invalid document with each problem and its line; nothing is saved', async () => {
    const error = await run('write_spec', { name: 'Pets', text: PETS_SPEC_INVALID, generateCollection: true }).then(
      () => '',
      (err: Error) => err.message,
    );
    expect(error).toContain('nothing was saved');
    expect(error).toContain('Fix these 2 problems');
    expect(error).toContain('- line 2, column 1 (/info): `info` is missing its required `version`.');
    expect(error).toContain('- line 12, column 9 (/paths/~1pets/get/responses/200): Response 200 of GET /pets is missing its required `description`.');
    expect(temp.ws().listSpecs()).toEqual([]);
    expect(temp.ws().tree()).toEqual([]);
    expect(ctx.recorder.checkpoint()).toEqual({ created: [], changed: [] });
    await expect(run('write_spec', { name: 'Broken', text: 'openapi: [3.1' })).rejects.toThrow(/Fix this problem .*\n- line \d+, column \d+: This is not valid YAML/);
    expect(temp.ws().listSpecs()).toEqual([]);
  });

  it('saves a valid document, generates its collection with a test per request, and records both for undo', async () => {
    const out = await run('write_spec', { name: 'Pets', text: PETS_SPEC, generateCollection: true });
    expect(out).toMatchObject({ name: 'Pets', valid: true, title: 'Pets', openapi: '3.1.0', operations: 3, generated: true, requests: 3 });
    const spec = temp.ws().getSpec(String(out.id));
    expect(spec).toMatchObject({ text: PETS_SPEC, format: 'yaml', collectionId: out.collectionId });
    const requests = temp.ws().tree().filter((n) => n.kind === 'request');
    expect(requests).toHaveLength(3);
    for (const r of requests) expect(temp.ws().getItem(r.id).scripts.test).toContain('pm.test(');
    const card = ctx.recorder.checkpoint();
    expect(card.created.map((c) => `${c.kind} ${c.name}`).sort()).toEqual(['collection Pets', 'spec Pets']);
    // The spec's diff shows its text as lines, not one JSON string.
    expect(card.created.find((c) => c.kind === 'spec')!.diff).toContain('+paths:\n');
  });

  it('updates a spec by id and syncs its linked collection: the new operation becomes a request, recorded as created', async () => {
    const first = await run('write_spec', { name: 'Pets', text: PETS_SPEC, generateCollection: true });
    ctx.recorder = new ChangeRecorder(temp.ws());
    const withDelete = PETS_SPEC.replace(
      '\ncomponents:',
      "\n    delete:\n      operationId: deletePet\n      summary: Delete a pet\n      parameters:\n        - { name: petId, in: path, required: true, schema: { type: integer } }\n      responses:\n        '204':\n          description: Deleted\ncomponents:",
    );
    // An invalid update changes nothing: the spec keeps its name and text, the collection its requests.
    await expect(run('write_spec', { specId: first.id, name: 'Pets v2', text: PETS_SPEC_INVALID, generateCollection: true })).rejects.toThrow(/nothing was saved/);
    expect(temp.ws().getSpec(String(first.id))).toMatchObject({ name: 'Pets', text: PETS_SPEC });
    expect(ctx.recorder.checkpoint()).toEqual({ created: [], changed: [] });
    const out = await run('write_spec', { specId: first.id, name: 'Pets v2', text: withDelete, generateCollection: true });
    expect(out).toMatchObject({ id: first.id, name: 'Pets v2', operations: 4, collectionId: first.collectionId, synced: { added: 1, changed: 0, removed: 0 } });
    expect(temp.ws().tree().filter((n) => n.kind === 'request').map((n) => n.method)).toContain('DELETE');
    const card = ctx.recorder.checkpoint();
    expect(card.created.map((c) => `${c.kind} ${c.name}`)).toEqual(['request Delete a pet']);
    expect(card.changed.map((c) => `${c.kind} ${c.name} ${c.action}`)).toEqual(['spec Pets updated']);
  });

  it('builds the document from a collection\'s requests (fromCollectionId)', async () => {
    const ws = temp.ws();
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'Shop', variables: [{ key: 'baseUrl', value: 'https://shop.test', enabled: true, secret: false }] });
    ws.createItem({ kind: 'request', parentId: c.id, name: 'List orders', request: defaultRequest({ method: 'GET', url: '{{baseUrl}}/orders' }) });
    const get = ws.createItem({ kind: 'request', parentId: c.id, name: 'Get order', request: defaultRequest({ method: 'GET', url: '{{baseUrl}}/orders/:orderId' }) });
    const out = await run('write_spec', { name: 'Shop API', fromCollectionId: c.id });
    expect(out).toMatchObject({ valid: true, title: 'Shop', operations: 2 });
    expect(out.collectionId).toBeUndefined();
    const text = ws.getSpec(String(out.id)).text;
    expect(text).toContain('/orders/{orderId}:');
    expect(text).toContain('https://shop.test');
    await expect(run('write_spec', { name: 'X', fromCollectionId: get.id })).rejects.toThrow(/is a request, not a collection/);
    expect(() => tool('write_spec').schema.parse({ name: 'X', text: PETS_SPEC, fromCollectionId: c.id })).toThrow(/either text or fromCollectionId/);
    expect(() => tool('write_spec').schema.parse({ name: 'X' })).toThrow(/either text or fromCollectionId/);
    expect(() => tool('write_spec').schema.parse({ name: 'X', fromCollectionId: c.id, generateCollection: true })).toThrow(/second copy/);
  });
});

describe('start_mock and run_tests against it', () => {
  it('starts a mock of the spec on loopback only, answers the same one when asked again, and the generated tests pass against it with no approval', async () => {
    const spec = await run('write_spec', { name: 'Pets', text: PETS_SPEC, generateCollection: true });
    // Even asked for every interface, the agent's mock listens on 127.0.0.1.
    const mock = await run('start_mock', { specId: spec.id, host: '0.0.0.0' });
    expect(mock).toMatchObject({ name: 'Pets', collectionId: spec.collectionId });
    expect(String(mock.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mocks.list()).toEqual([expect.objectContaining({ id: mock.id, host: '127.0.0.1', source: { kind: 'spec', specId: spec.id } })]);
    expect(await run('start_mock', { specId: spec.id })).toMatchObject({ id: mock.id, alreadyRunning: true });
    expect(mocks.list()).toHaveLength(1);

    // The generated GET /pets/{petId} sends {{petId}}, which the collection values with the spec's example (1): nothing to set first.
    expect(temp.ws().getItem(String(spec.collectionId)).variables?.find((v) => v.key === 'petId')?.value).toBe('1');
    const args = { id: spec.collectionId, baseUrl: mock.url };
    // Every request resolves under the running mock: nothing to approve. Elsewhere, a run asks.
    expect(approvalOf('run_tests', args)).toBeUndefined();
    expect(approvalOf('run_tests', { id: spec.collectionId, baseUrl: 'http://127.0.0.1:9' })).toEqual({ kind: 'send', method: 'RUN', url: 'http://127.0.0.1:9' });
    expect(approvalOf('run_tests', { id: spec.collectionId })).toMatchObject({ kind: 'send', method: 'RUN' });

    const result = await run('run_tests', args);
    expect(result).toMatchObject({ baseUrl: mock.url, failed: 0 });
    expect(Number(result.passed)).toBeGreaterThanOrEqual(3);
    expect(mocks.log(String(mock.id)).map((e) => `${e.method} ${e.status}`).sort()).toEqual(['GET 200', 'GET 200', 'POST 201']);
    // The collection keeps its own baseUrl: the override was for that run only.
    expect(temp.ws().getItem(String(spec.collectionId)).variables?.find((v) => v.key === 'baseUrl')?.value).toBe('https://pets.example/v1');
  });

  it('mocks a collection from its saved examples', async () => {
    const ws = temp.ws();
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'Shop', variables: [{ key: 'baseUrl', value: 'https://shop.test', enabled: true, secret: false }] });
    const r = ws.createItem({ kind: 'request', parentId: c.id, name: 'List orders', request: defaultRequest({ method: 'GET', url: '{{baseUrl}}/orders' }) });
    ws.createExample(r.id, { name: 'Two orders', status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json']], body: '[{"id":1},{"id":2}]' });
    const mock = await run('start_mock', { collectionId: c.id, latencyMs: 0 });
    expect(mock).toMatchObject({ name: 'Shop', collectionId: c.id });
    const answer = await fetch(`${String(mock.url)}/orders`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual([{ id: 1 }, { id: 2 }]);
    // A request with its own host does not follow baseUrl: the run says so (and, not all to the mock, it asks).
    ws.createItem({ kind: 'request', parentId: c.id, name: 'Elsewhere', request: defaultRequest({ method: 'GET', url: 'http://127.0.0.1:9/x' }) });
    expect(approvalOf('run_tests', { id: c.id, baseUrl: mock.url })).toMatchObject({ kind: 'send', method: 'RUN' });
    const result = await run('run_tests', { id: c.id, baseUrl: mock.url });
    expect(result.notUnderBaseUrl).toBe('1 request(s) do not use {{baseUrl}} and went elsewhere: Elsewhere');
  });

  it('says plainly when the spec is unknown, or when no mock can run here', async () => {
    await expect(run('start_mock', { specId: 'nope' })).rejects.toThrow(/Spec nope was not found/);
    expect(() => tool('start_mock').schema.parse({})).toThrow(/either specId or collectionId/);
    ctx.mocks = undefined;
    await expect(run('start_mock', { specId: 'nope' })).rejects.toThrow(/not available here/);
  });
});
