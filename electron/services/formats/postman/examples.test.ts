// Saved examples and descriptions through Postman files and the workspace: import → workspace →
// export → import keeps them; an unchanged example keeps its original JSON, a changed one is fresh.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../store/workspace.js';
import { loadCollectionTree, saveCollectionTree, type CollectionNode } from '../item-tree.js';
import { importExamples } from './examples.js';
import { exportPostmanCollection, importPostmanCollection } from './index.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/postman/kitchen-sink.postman_collection.json');
const load = () => JSON.parse(fs.readFileSync(fixture, 'utf8')) as Record<string, unknown>;
const find = (node: CollectionNode, name: string): CollectionNode =>
  node.name === name ? node : node.children.map((c) => { try { return find(c, name); } catch { return undefined; } }).find(Boolean) ?? (() => { throw new Error(`no ${name}`); })();

let dir: string;
let ws: Workspace;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-examples-'));
  ws = openWorkspace(path.join(dir, 'home'));
});
afterEach(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Postman examples and descriptions', () => {
  it('saves an example that comes without a name under its status instead of refusing the whole import', () => {
    const none = { prerequest: '', test: '' };
    const request = {
      method: 'GET', url: 'http://api.test/x', params: [], headers: [], body: { mode: 'none' as const }, auth: { type: 'inherit' as const },
      settings: { timeoutMs: 30_000, followRedirects: true, maxRedirects: 10, verifyTls: true },
    };
    const root: CollectionNode = {
      id: 'c1', kind: 'collection', name: 'Unnamed examples', description: '', scripts: none, children: [
        { id: 'r1', kind: 'request', name: 'R', description: '', scripts: none, children: [], request, examples: [
          { name: '  ', status: 404, statusText: 'Not Found', headers: [], body: '' },
          { name: '', status: 0, statusText: '', headers: [], body: 'x' },
        ] },
      ],
    };
    const saved = saveCollectionTree(ws, root);
    expect(loadCollectionTree(ws, saved.id).children[0].examples?.map((e) => e.name)).toEqual(['404 Not Found', 'Example']);
  });

  it('reads a response array: name, code, status text, headers (list or lines) and body; junk entries skipped', () => {
    expect(
      importExamples([
        { name: 'Found', code: 200, status: 'OK', header: [{ key: 'Content-Type', value: 'application/json' }], body: '{"id":1}' },
        'junk',
        { code: 'x', header: 'X-A: 1\nX-B: two' },
      ]),
    ).toEqual([
      { name: 'Found', status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json']], body: '{"id":1}' },
      { name: 'Example 3', status: 0, statusText: '', headers: [['X-A', '1'], ['X-B', 'two']], body: '' },
    ]);
    expect(importExamples(undefined)).toEqual([]);
  });

  it('import → workspace → export gives back the original file, examples and descriptions included', () => {
    const original = load();
    const saved = saveCollectionTree(ws, importPostmanCollection(structuredClone(original)).root);
    const tree = loadCollectionTree(ws, saved.id);
    const get = find(tree, 'Get account');
    // The example keeps the request it answers (its originalRequest), not just the one it belongs to.
    expect(get.examples).toEqual([{ name: 'Found', status: 200, statusText: 'OK', headers: [], body: '{"id":42}', request: expect.objectContaining({ method: 'GET', url: '{{base}}/accounts/42' }) }]);
    expect(get.description).toBe('Fetches one account');
    expect(exportPostmanCollection(tree)).toEqual(original);
  });

  it('an example\'s originalRequest is saved as the request it answers (what a collection mock matches)', () => {
    const file = {
      info: { name: 'Search', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Find',
          request: { method: 'GET', url: '{{baseUrl}}/users' },
          response: [
            { name: 'Nobody', originalRequest: { method: 'POST', url: '{{baseUrl}}/users?q=nobody', header: [{ key: 'X-Team', value: 'a' }] }, code: 200, body: '[]' },
            { name: 'Broken original', originalRequest: { method: 'NOT A METHOD', url: 5 }, code: 200, body: '[]' },
            { name: 'None', code: 200, body: '[]' },
          ],
        },
      ],
    };
    const saved = saveCollectionTree(ws, importPostmanCollection(file).root);
    const [request] = ws.tree().filter((n) => n.parentId === saved.id);
    const examples = ws.listExamples(request.id);
    expect(examples[0].request).toMatchObject({ method: 'POST', url: '{{baseUrl}}/users?q=nobody', headers: [{ key: 'X-Team', value: 'a' }] });
    expect(examples.slice(1).map((e) => e.request)).toEqual([null, null]);
  });

  it('exports each example with its own originalRequest, also after one of them was renamed', () => {
    const file = {
      info: { name: 'Users', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Get user',
          request: { method: 'GET', url: 'https://api.test/users/{{id}}' },
          response: [
            { name: 'Ada', originalRequest: { method: 'GET', url: 'https://api.test/users/1' }, code: 200, body: '{"id":1}' },
            { name: 'Missing', originalRequest: { method: 'GET', url: 'https://api.test/users/404' }, code: 404, body: '' },
          ],
        },
      ],
    };
    const saved = saveCollectionTree(ws, importPostmanCollection(structuredClone(file)).root);
    const [request] = ws.tree().filter((n) => n.parentId === saved.id);
    const [, missing] = ws.listExamples(request.id);
    ws.renameExample(missing.id, 'No such user');
    type Out = { item: { response: { name: string; originalRequest: { url: string | { raw: string } } }[] }[] };
    const urlOf = (r: Out['item'][number]['response'][number]) => (typeof r.originalRequest.url === 'string' ? r.originalRequest.url : r.originalRequest.url.raw);
    const out = exportPostmanCollection(loadCollectionTree(ws, saved.id)) as Out;
    expect(out.item[0].response.map((r) => [r.name, urlOf(r)])).toEqual([
      ['Ada', 'https://api.test/users/1'],
      ['No such user', 'https://api.test/users/404'],
    ]);
    // The unchanged one is the original entry, as it was in the file.
    expect(out.item[0].response[0]).toEqual(file.item[0].response[0]);

    // A request made in the workspace (no file behind it): its example's own request, else the request's.
    const made = ws.createItem({ kind: 'request', parentId: saved.id, name: 'Made here', request: { ...ws.getItem(request.id).request!, url: 'https://api.test/users/{{id}}' } });
    ws.createExample(made.id, { name: 'Own', status: 200, statusText: 'OK', headers: [], body: '{}', request: { ...made.request!, url: 'https://api.test/users/7' } });
    ws.createExample(made.id, { name: 'Borrowed', status: 200, statusText: 'OK', headers: [], body: '{}' });
    const again = exportPostmanCollection(loadCollectionTree(ws, saved.id)) as Out;
    expect(again.item[1].response.map((r) => [r.name, urlOf(r)])).toEqual([
      ['Own', 'https://api.test/users/7'],
      ['Borrowed', 'https://api.test/users/{{id}}'],
    ]);
  });

  it('examples and descriptions edited in the workspace survive export and re-import', () => {
    const saved = saveCollectionTree(ws, importPostmanCollection(load()).root);
    const get = find(loadCollectionTree(ws, saved.id), 'Get account');
    ws.updateItem({ id: get.id, description: '# Get\n\n- one\n- two' });
    ws.updateItem({ id: saved.id, description: 'The **whole** API' });
    const [found] = ws.listExamples(get.id);
    ws.renameExample(found.id, 'Found it');
    ws.createExample(get.id, { name: 'Gone', status: 410, statusText: 'Gone', headers: [['Content-Type', 'text/plain']], body: 'bye' });
    const out = exportPostmanCollection(loadCollectionTree(ws, saved.id)) as { info: { description: string }; item: { item: { response: Record<string, unknown>[] }[] }[] };
    const responses = out.item[0].item[0].response;
    expect(responses.map((r) => [r.name, r.code, r.status, r.body])).toEqual([
      ['Found it', 200, 'OK', '{"id":42}'],
      ['Gone', 410, 'Gone', 'bye'],
    ]);
    expect(responses[1]).toMatchObject({ header: [{ key: 'Content-Type', value: 'text/plain' }], originalRequest: { method: 'GET' } });
    const back = importPostmanCollection(out).root;
    expect(back.description).toBe('The **whole** API');
    expect(find(back, 'Get account').description).toBe('# Get\n\n- one\n- two');
    expect(find(back, 'Get account').examples?.map((e) => e.name)).toEqual(['Found it', 'Gone']);
  });
});
