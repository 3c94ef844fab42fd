// Postman files: what an import makes of each field, the round trip, and messages for bad files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import type { CollectionNode } from '../item-tree.js';
import { exportPostmanCollection, exportPostmanVariables, importPostmanCollection, importPostmanFile, importPostmanVariables } from './index.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/postman');
const load = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
const find = (node: CollectionNode, name: string): CollectionNode => {
  const stack = [node];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.name === name) return n;
    stack.push(...n.children);
  }
  throw new Error(`no item ${name}`);
};
const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an error');
};

describe('importing a Postman v2.1 collection', () => {
  const { root, warnings } = importPostmanCollection(load('kitchen-sink.postman_collection.json'), 'kitchen-sink.json');

  it('maps the collection: name, description, auth, variables, scripts', () => {
    expect(root).toMatchObject({
      id: '5b2f6a7e-0c1d-4e7f-9a10-000000000001',
      kind: 'collection',
      name: 'Kitchen sink',
      description: 'Every field the importer meets',
      auth: { type: 'bearer', token: '{{token}}' },
      scripts: { prerequest: "console.log('collection pre');", test: "pm.test('collection test', () => {});" },
    });
    expect(root.variables).toEqual([
      { key: 'base', value: 'https://api.example.com', enabled: true, secret: false },
      { key: 'count', value: '3', enabled: true, secret: false },
      { key: 'secret', value: 's3cr3t', enabled: true, secret: true },
      { key: 'off', value: 'x', enabled: false, secret: false },
    ]);
    expect(root.children.map((c) => [c.kind, c.name])).toEqual([
      ['folder', 'Accounts'],
      ['request', 'Form'],
      ['request', 'Upload'],
      ['request', 'Binary'],
      ['request', 'GraphQL'],
      ['request', 'Untitled request'],
    ]);
  });

  it('maps folders and requests: URL with path variables, params, headers, bodies, auth, settings', () => {
    const accounts = find(root, 'Accounts');
    expect(accounts).toMatchObject({ id: 'folder-accounts', description: 'Account endpoints', auth: { type: 'basic', username: 'ada', password: '{{password}}' } });
    expect(accounts.scripts).toEqual({ prerequest: "pm.variables.set('folder', 'yes');", test: '' });
    const get = find(root, 'Get account');
    expect(get.id).toBe('req-get-account');
    expect(get.description).toBe('Fetches one account');
    expect(get.scripts.test).toBe("pm.test('ok', function () {\n  pm.response.to.have.status(200);\n});");
    expect(get.request).toMatchObject({
      method: 'GET',
      url: '{{base}}/accounts/42?expand=owner#top',
      params: [
        { key: 'expand', value: 'owner', enabled: true },
        { key: 'debug', value: '1', enabled: false },
      ],
      headers: [
        { key: 'Accept', value: 'application/json', enabled: true },
        { key: 'X-Off', value: '1', enabled: false, description: 'not sent' },
      ],
      body: { mode: 'none' },
      auth: { type: 'inherit' },
      settings: { followRedirects: false, timeoutMs: 0 },
    });
    expect(find(root, 'Create account').request).toMatchObject({
      method: 'POST',
      url: '{{base}}/accounts',
      body: { mode: 'raw', language: 'json', raw: '{\n  "name": "{{name}}"\n}' },
      auth: { type: 'none' },
    });
    expect(find(root, 'Form').request).toMatchObject({
      method: 'POST',
      url: 'https://api.example.com:8443/form',
      headers: [
        { key: 'X-One', value: '1' },
        { key: 'X-Two', value: 'two' },
      ],
      body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1', enabled: true }, { key: 'b', value: '2', enabled: false }] },
      auth: { type: 'apikey', key: 'api_key', value: '{{key}}', in: 'query' },
    });
    expect(find(root, 'Upload').request).toMatchObject({
      body: { mode: 'formdata', formdata: [{ key: 'note', type: 'text', value: 'hello' }, { key: 'file', type: 'file', filePath: 'files/upload.txt' }] },
      auth: { type: 'none' },
    });
    expect(find(root, 'Binary').request?.body).toEqual({ mode: 'binary', filePath: 'files/blob.bin' });
    expect(find(root, 'GraphQL').request).toMatchObject({
      body: { mode: 'raw', language: 'json', raw: '{"query":"{ me { id } }","variables":{"a":1}}' },
      auth: { type: 'oauth2', accessTokenUrl: '{{base}}/oauth/token', clientId: 'client', clientSecret: 'secret', clientAuthentication: 'body' },
    });
    expect(find(root, 'Untitled request').request).toMatchObject({ method: 'GET', url: 'https://example.com/plain' });
  });

  it('warns about what Courier cannot send the same way', () => {
    expect(warnings).toEqual(['item[0].item[1].item[0].request.auth: the auth type "digest" is not supported; sent without auth']);
  });
});

describe('the round trip', () => {
  it('an untouched import exports exactly the original file', () => {
    const original = load('kitchen-sink.postman_collection.json');
    const { root } = importPostmanCollection(structuredClone(original));
    expect(exportPostmanCollection(root)).toEqual(original);
  });

  it('a change writes that part fresh and keeps what Courier does not model around it', () => {
    const { root } = importPostmanCollection(load('kitchen-sink.postman_collection.json'));
    const get = find(root, 'Get account');
    get.request = { ...get.request!, url: '{{base}}/v2/accounts/7', params: [] };
    get.scripts = { prerequest: 'pm.variables.set("x", 1);', test: get.scripts.test };
    find(root, 'Create account').name = 'Open account';
    const out = exportPostmanCollection(root) as { item: { item: Record<string, unknown>[] }[] };
    const exported = out.item[0].item[0] as Record<string, never>;
    expect(exported.request).toMatchObject({
      method: 'GET',
      url: { raw: '{{base}}/v2/accounts/7', host: ['{{base}}'], path: ['v2', 'accounts', '7'] },
      header: [
        { key: 'Accept', value: 'application/json', type: 'text' },
        { key: 'X-Off', value: '1', type: 'text', disabled: true, description: 'not sent' },
      ],
    });
    expect(exported.response).toHaveLength(1);
    expect(exported.protocolProfileBehavior).toEqual({ disableBodyPruning: true, followRedirects: false });
    expect(exported.event).toEqual([
      { listen: 'test', script: { id: 'ev-2', type: 'text/javascript', exec: ["pm.test('ok', function () {", '  pm.response.to.have.status(200);', '});'] } },
      { listen: 'prerequest', script: { type: 'text/javascript', exec: ['pm.variables.set("x", 1);'] } },
    ]);
    const deep = (out.item[0].item[1] as { item: Record<string, unknown>[] }).item[0];
    expect(deep.name).toBe('Open account');
    expect(deep.request).toMatchObject({ auth: { type: 'digest' } }); // unsupported, unchanged: kept
  });

  it('a v2.0 collection comes back as v2.1 with the same meaning', () => {
    const { root } = importPostmanCollection(load('v2.0.postman_collection.json'));
    expect(root.auth).toEqual({ type: 'basic', username: 'ada', password: 'lovelace' });
    expect(find(root, 'Echo').request).toMatchObject({ auth: { type: 'bearer', token: 'abc' }, params: [] });
    const out = exportPostmanCollection(root) as Record<string, never>;
    expect(out.info).toMatchObject({ name: 'Old format', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' });
    expect(out.auth).toEqual({
      type: 'basic',
      basic: [
        { key: 'username', value: 'ada', type: 'string' },
        { key: 'password', value: 'lovelace', type: 'string' },
        { key: 'saveHelperData', value: true, type: 'any' },
      ],
    });
    const again = importPostmanCollection(out);
    expect(again.root.auth).toEqual(root.auth);
    expect(find(again.root, 'Echo').request).toEqual(find(root, 'Echo').request);
  });

  it('a collection made in Courier exports as plain v2.1 that imports back the same', () => {
    const { root } = importPostmanCollection(load('kitchen-sink.postman_collection.json'));
    const strip = (n: CollectionNode): CollectionNode => ({ ...n, preserved: undefined, children: n.children.map(strip) });
    const fresh = strip(root);
    const out = exportPostmanCollection(fresh);
    const back = importPostmanCollection(out).root;
    const view = (n: CollectionNode): unknown => ({ ...n, id: undefined, preserved: undefined, children: n.children.map(view) });
    const unsupported = (n: CollectionNode): unknown => view(n);
    expect(view(back)).toEqual(unsupported(fresh));
  });
});

describe('environments and globals', () => {
  it('import and export keep types and metadata when unchanged', () => {
    const original = load('staging.postman_environment.json');
    const env = importPostmanVariables(original, 'staging.json');
    expect(env).toMatchObject({ scope: 'environment', name: 'Staging' });
    expect(env.variables).toEqual([
      { key: 'base', value: 'https://staging.example.com', enabled: true, secret: false },
      { key: 'token', value: 't0k3n', enabled: true, secret: true },
      { key: 'retries', value: '3', enabled: false, secret: false },
    ]);
    const now = new Date('2026-11-24T00:00:00.000Z');
    const out = exportPostmanVariables({ scope: 'environment', id: 'courier-id', name: 'Staging', variables: env.variables, preserved: env.preserved, now });
    expect(out).toEqual({ ...original, _postman_exported_at: now.toISOString(), _postman_exported_using: 'Courier/dev' });
    const changed = exportPostmanVariables({ scope: 'environment', id: 'x', name: 'Staging', variables: [{ key: 'a', value: '1', enabled: true, secret: true }], preserved: env.preserved, now });
    expect(changed.values).toEqual([{ key: 'a', value: '1', type: 'secret', enabled: true }]);
  });

  it('a globals file is told apart from an environment', () => {
    expect(importPostmanFile(load('workspace.postman_globals.json'), 'g.json')).toMatchObject({ kind: 'variables', scope: 'globals' });
    expect(importPostmanFile(load('staging.postman_environment.json'), 'e.json')).toMatchObject({ kind: 'variables', scope: 'environment' });
    expect(importPostmanFile(load('v2.0.postman_collection.json'), 'c.json')).toMatchObject({ kind: 'collection' });
  });
});

describe('malformed files', () => {
  const base = () => load('kitchen-sink.postman_collection.json') as { item: Record<string, unknown>[] };

  it('name the place and what was expected', () => {
    const file = base();
    (file.item[3] as { request: { url: unknown } }).request.url = 42;
    expect(errorOf(() => importPostmanCollection(file, 'api.json')).message).toBe('api.json: item[3].request.url: expected a string or object');

    const nested = base();
    ((nested.item[0] as { item: { request: { header: unknown } }[] }).item[0].request.header = 7);
    expect(errorOf(() => importPostmanCollection(nested, 'api.json')).message).toBe('api.json: item[0].item[0].request.header: expected a list or string');

    const query = base();
    ((query.item[0] as { item: { request: { url: { query: unknown } } }[] }).item[0].request.url.query = 'x=1');
    expect(errorOf(() => importPostmanCollection(query, 'api.json')).message).toBe('api.json: item[0].item[0].request.url.query: expected a list');

    expect(errorOf(() => importPostmanCollection({ item: [] }, 'a.json')).message).toBe('a.json: info: missing (expected an object)');
    expect(errorOf(() => importPostmanCollection({ info: { name: 'x' }, item: {} }, 'a.json')).message).toBe('a.json: item: expected a list of items');
    expect(errorOf(() => importPostmanCollection({ info: { name: 'x' }, item: [{ event: [{ listen: 'test', script: { exec: [1] } }] }] }, 'a.json')).message).toBe(
      'a.json: item[0].event[0].script.exec[0]: expected a line of text',
    );
    expect(errorOf(() => importPostmanCollection({ info: { name: 'x' }, item: [{ request: { method: 'GE T', url: 'x' } }] }, 'a.json')).message).toBe(
      'a.json: item[0].request.method: "GE T" is not an HTTP method',
    );
  });

  it('refuse Postman v1 files and things that are not Postman files', () => {
    expect(errorOf(() => importPostmanCollection({ id: 'x', name: 'v1', order: [], requests: [] }, 'v1.json')).message).toMatch(/Collection v1 file.*export it from Postman as v2.1/);
    expect(errorOf(() => importPostmanFile([], 'list.json')).message).toMatch(/list.json: expected a JSON object/);
    expect(errorOf(() => importPostmanFile({ openapi: '3.0.0' }, 'spec.json')).message).toMatch(/spec.json is not a Postman collection/);
    expect(errorOf(() => importPostmanVariables({ name: 'e', values: [{ value: 1 }] }, 'e.json')).message).toBe('e.json: values[0].key: missing (expected a string)');
  });
});
