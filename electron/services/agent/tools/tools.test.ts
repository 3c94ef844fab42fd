// The workspace tools on a real workspace, called as the executor calls them (arguments parsed by
// each tool's own schema), for what the loop tests do not already cover.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../../shared/model.js';
import { createHttpEngine, type HttpEngine } from '../../http/engine.js';
import { openWorkspace, type Workspace } from '../../store/workspace.js';
import { ChangeRecorder } from '../checkpoint.js';
import { TOOLS_BY_NAME, toolSpecs } from './index.js';
import type { ToolContext, ToolResult } from './types.js';

let dir: string;
let ws: Workspace;
let engine: HttpEngine;
let ctx: ToolContext;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-agent-tools-'));
  ws = openWorkspace(dir);
  engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined } });
  ctx = {
    workspace: ws,
    engine,
    recorder: new ChangeRecorder(ws),
    environmentId: null,
    signal: new AbortController().signal,
    createScriptRuntime: () => Promise.reject(new Error('no scripts here')),
    responses: new Map(),
  };
});
afterEach(async () => {
  await engine.close();
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, args: unknown): Promise<ToolResult> {
  const tool = TOOLS_BY_NAME.get(name)!;
  return tool.run(tool.schema.parse(args), ctx);
}

const OPENAPI_YAML = `openapi: 3.0.3
info:
  title: Pets
  description: A pet store
servers:
  - url: https://pets.example/v1
paths:
  /pets:
    get:
      summary: List pets
      tags: [pets]
      parameters:
        - { name: limit, in: query, example: 10, required: true }
    post:
      summary: Create a pet
      tags: [pets]
      requestBody:
        content:
          application/json:
            example: { name: Rex }
  /pets/{petId}:
    get:
      operationId: getPet
  /health:
    get:
      summary: Health
`;

describe('agent tools', () => {
  it('offers every tool as a JSON Schema object the model can read', () => {
    for (const spec of toolSpecs()) {
      expect(spec.function.parameters).toMatchObject({ type: 'object' });
      expect(spec.function.description.length).toBeGreaterThan(20);
    }
    expect(toolSpecs().find((s) => s.function.name === 'create_request')!.function.parameters).toMatchObject({ required: ['parentId', 'name'] });
  });

  it('finds, lists and reads items with their paths', async () => {
    const c = await run('create_collection', { name: 'Shop', variables: [{ key: 'baseUrl', value: 'https://shop.test' }] });
    const f = await run('create_folder', { parentId: c.id, name: 'Orders' });
    const r = await run('create_request', { parentId: f.id, name: 'List orders', method: 'get', url: '{{baseUrl}}/orders', headers: [{ key: 'Accept', value: 'application/json' }] });
    expect(await run('search_workspace', { query: 'orders' })).toMatchObject({ hits: [{ id: f.id }, { id: r.id, method: 'GET' }] });
    expect(await run('list_items', {})).toMatchObject({ items: [{ id: c.id, kind: 'collection', children: 1 }], environments: [] });
    expect(await run('list_items', { parentId: f.id })).toEqual({ items: [{ id: r.id, kind: 'request', name: 'List orders', method: 'GET' }] });
    expect(await run('get_request', { id: r.id })).toMatchObject({ path: 'Shop / Orders / List orders', request: { method: 'GET', headers: [{ key: 'Accept' }] } });
    await expect(run('get_request', { id: f.id })).rejects.toThrow(/is a folder, not a request/);
    await expect(run('list_items', { parentId: 'missing' })).rejects.toThrow(/not found/);
  });

  it('updates only the fields given and never writes a mask over a stored secret', async () => {
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'C' });
    const r = ws.createItem({
      kind: 'request',
      parentId: c.id,
      name: 'R',
      request: defaultRequest({ url: 'https://a.test', headers: [{ key: 'Authorization', value: 'Bearer real-token-1', enabled: true }], auth: { type: 'bearer', token: 'real-token-2' } }),
    });
    const out = await run('update_request', {
      id: r.id,
      url: 'https://b.test',
      headers: [{ key: 'Authorization', value: '[redacted-3]' }, { key: 'X-New', value: '1' }],
      auth: { type: 'bearer', token: '[redacted-4]' },
    });
    expect(out.changed).toEqual(['url', 'headers', 'auth']);
    const after = ws.getItem(r.id).request!;
    expect(after.url).toBe('https://b.test');
    expect(after.method).toBe('GET');
    expect(after.headers).toEqual([{ key: 'Authorization', value: 'Bearer real-token-1', enabled: true }, { key: 'X-New', value: '1', enabled: true }]);
    expect(after.auth).toEqual({ type: 'bearer', token: 'real-token-2' });
    await expect(run('update_request', { id: r.id, headers: [{ key: 'X-Other', value: '[redacted-9]' }] })).rejects.toThrow(/hidden secret/);
    await expect(run('update_request', { id: r.id })).rejects.toThrow(/Nothing to change/);
  });

  it('sets variables in each scope, keeping a secret the model only saw masked', async () => {
    const env = ws.createEnvironment({ name: 'E', variables: [{ key: 'token', value: 'env-secret-1', enabled: true, secret: true }] });
    ctx.environmentId = env.id;
    await run('set_variable', { scope: 'environment', key: 'token', value: '[redacted-1]' });
    await run('set_variable', { scope: 'environment', key: 'baseUrl', value: 'https://x.test' });
    expect(ws.getEnvironment(env.id).variables).toEqual([
      { key: 'token', value: 'env-secret-1', enabled: true, secret: true },
      { key: 'baseUrl', value: 'https://x.test', enabled: true, secret: false },
    ]);
    await run('set_variable', { scope: 'globals', key: 'g', value: '1', secret: true });
    expect(ws.getGlobals()).toEqual([{ key: 'g', value: '1', enabled: true, secret: true }]);
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'C' });
    await run('set_variable', { scope: 'collection', collectionId: c.id, key: 'k', value: 'v' });
    expect(ws.getItem(c.id).variables).toEqual([{ key: 'k', value: 'v', enabled: true, secret: false }]);
    await expect(run('set_variable', { scope: 'collection', key: 'k', value: 'v' })).rejects.toThrow(/needs collectionId/);
  });

  it('writes tests (replace or append) and docs', async () => {
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'C' });
    await run('write_tests', { id: c.id, script: 'pm.test("a", () => {});' });
    const out = await run('write_tests', { id: c.id, script: 'pm.test("b", () => {});', mode: 'append' });
    expect(out.tests).toBe(2);
    expect(ws.getItem(c.id).scripts.test).toBe('pm.test("a", () => {});\n\npm.test("b", () => {});');
    await run('write_docs', { id: c.id, markdown: '# C' });
    expect(ws.getItem(c.id).description).toBe('# C');
  });

  it('imports a cURL command as a request, and explains one it cannot read', async () => {
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'C' });
    const out = await run('import_curl', { parentId: c.id, curl: `curl -u ada:pw 'https://api.test/users/7?full=1' -H 'Accept: application/json' --compressed` });
    expect(out).toMatchObject({ name: 'GET /users/7', method: 'GET', ignoredFlags: ['--compressed'] });
    expect(ws.getItem(out.id as string).request).toMatchObject({ url: 'https://api.test/users/7?full=1', auth: { type: 'basic', username: 'ada', password: 'pw' } });
    await expect(run('import_curl', { parentId: c.id, curl: "curl 'https://x" })).rejects.toThrow(/could not be read: A single quote is not closed/);
  });

  it('imports an OpenAPI 3 document (YAML or JSON): folders per tag, {{baseUrl}}, path variables, example bodies', async () => {
    const out = await run('import_openapi', { spec: OPENAPI_YAML });
    expect(out).toMatchObject({ name: 'Pets', folders: 1, requests: 4 });
    const collection = ws.getItem(out.id as string);
    // getPet's path has {petId} without declaring it: an empty variable to fill in.
    expect(collection.variables).toEqual([
      { key: 'baseUrl', value: 'https://pets.example/v1', enabled: true, secret: false },
      { key: 'petId', value: '', enabled: true, secret: false },
    ]);
    const nodes = ws.tree().filter((n) => n.kind !== 'collection');
    // The tree lists siblings in order, but groups of siblings by their parent's (random) id.
    const under = (parentId: string) => nodes.filter((n) => n.parentId === parentId).map((n) => [n.kind, n.name, n.method ?? '']);
    expect(under(out.id as string)).toEqual([
      ['folder', 'pets', ''],
      ['request', 'getPet', 'GET'],
      ['request', 'Health', 'GET'],
    ]);
    expect(under(nodes.find((n) => n.kind === 'folder')!.id)).toEqual([
      ['request', 'List pets', 'GET'],
      ['request', 'Create a pet', 'POST'],
    ]);
    const byName = (name: string) => ws.getItem(nodes.find((n) => n.name === name)!.id).request!;
    expect(byName('getPet').url).toBe('{{baseUrl}}/pets/{{petId}}');
    expect(byName('List pets').params).toEqual([{ key: 'limit', value: '10', enabled: true }]);
    expect(byName('Create a pet').body).toEqual({ mode: 'raw', language: 'json', raw: '{\n  "name": "Rex"\n}' });
    const json = await run('import_openapi', { spec: JSON.stringify({ openapi: '3.1.0', info: { title: 'J' }, paths: { '/a': { get: {} } } }), name: 'Named' });
    expect(json).toMatchObject({ name: 'Named', requests: 1 });
    await expect(run('import_openapi', { spec: '{"swagger": "2.0", "paths": {}}' })).rejects.toThrow(/Only OpenAPI 3/);
    await expect(run('import_openapi', { spec: 'openapi: [unclosed' })).rejects.toThrow(/neither valid JSON nor YAML/);
  });
});
