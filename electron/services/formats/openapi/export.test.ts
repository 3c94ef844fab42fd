// OpenAPI 3.1 export of collections in a real workspace, and the round trip: export, then import,
// keeps every path and method.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { defaultRequest } from '../../../../shared/model.js';
import { loadCollectionTree } from '../item-tree.js';
import { exportOpenApi, importOpenApiText } from './index.js';
import { largeSpec } from './large-spec.fixture.js';
import { importIntoWorkspace, readFixture, useTempWorkspace } from './temp-workspace.fixture.js';

const workspace = useTempWorkspace();

/** Every operation of a document as "METHOD /path". */
function operations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe('OpenAPI export', () => {
  it('writes a hand-made collection as OpenAPI 3.1: {param} paths, parameters, bodies, auth, tags, saved examples', () => {
    const ws = workspace();
    const c = ws.createItem({
      kind: 'collection',
      parentId: null,
      name: 'Shop',
      description: 'The shop API',
      variables: [{ key: 'baseUrl', value: 'https://shop.test/v1', enabled: true, secret: false }],
      auth: { type: 'bearer', token: '{{token}}' },
    });
    const f = ws.createItem({ kind: 'folder', parentId: c.id, name: 'Orders', description: 'Orders and their lines' });
    const get = ws.createItem({
      kind: 'request',
      parentId: f.id,
      name: 'Get order',
      description: 'One order by id',
      request: defaultRequest({
        method: 'GET',
        url: '{{baseUrl}}/orders/:orderId/lines/{{lineId}}?expand=items',
        params: [
          { key: 'expand', value: 'items', enabled: true },
          { key: 'debug', value: '', enabled: false },
        ],
        headers: [
          { key: 'X-Trace', value: 'abc', enabled: true },
          { key: 'Authorization', value: 'Bearer x', enabled: true },
        ],
      }),
    });
    ws.createExample(get.id, { name: 'Found', status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json; charset=utf-8']], body: '{"id":7}' });
    ws.createItem({
      kind: 'request',
      parentId: c.id,
      name: 'Upload',
      request: defaultRequest({
        method: 'POST',
        url: 'https://files.test/upload',
        body: { mode: 'formdata', formdata: [{ key: 'file', enabled: true, type: 'file', value: '' }, { key: 'note', enabled: true, type: 'text', value: 'hi' }] },
        auth: { type: 'apikey', key: 'X-Key', value: 'k', in: 'header' },
      }),
    });
    ws.createItem({
      kind: 'request',
      parentId: f.id,
      name: 'Create order',
      request: defaultRequest({ method: 'POST', url: '{{baseUrl}}/orders', body: { mode: 'raw', language: 'json', raw: '{"sku": "A-1", "qty": 2}' } }),
    });
    const doc = JSON.parse(exportOpenApi(loadCollectionTree(ws, c.id), 'json'));
    expect(doc).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'Shop', description: 'The shop API' },
      servers: [{ url: 'https://shop.test/v1' }],
      tags: [{ name: 'Orders', description: 'Orders and their lines' }],
      security: [{ bearerAuth: [] }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, 'apiKey_header_X-Key': { type: 'apiKey', name: 'X-Key', in: 'header' } } },
    });
    expect(operations(doc)).toEqual(['GET /orders/{orderId}/lines/{lineId}', 'POST /orders', 'POST /upload']);
    const op = doc.paths['/orders/{orderId}/lines/{lineId}'].get;
    expect(op).toMatchObject({ summary: 'Get order', operationId: 'getOrder', description: 'One order by id', tags: ['Orders'] });
    expect(op.parameters).toEqual([
      { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'lineId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'expand', in: 'query', required: true, schema: { type: 'string' }, example: 'items' },
      { name: 'debug', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' }, example: 'abc' },
    ]);
    expect(op.responses).toEqual({ '200': { description: 'Found', content: { 'application/json': { examples: { Found: { summary: 'Found', value: { id: 7 } } } } } } });
    expect(op.security).toBeUndefined();
    expect(doc.paths['/orders'].post.requestBody).toEqual({ content: { 'application/json': { example: { sku: 'A-1', qty: 2 } } } });
    const upload = doc.paths['/upload'].post;
    expect(upload.servers).toEqual([{ url: 'https://files.test' }]);
    expect(upload.security).toEqual([{ 'apiKey_header_X-Key': [] }]);
    expect(upload.requestBody.content['multipart/form-data'].schema.properties).toEqual({ file: { type: 'string', format: 'binary' }, note: { type: 'string', example: 'hi' } });
  });

  it('round trip: the 3.1 YAML, Swagger 2.0 and 300-operation specs exported (JSON and YAML) and imported again keep their paths and methods', () => {
    const ws = workspace();
    const specs: [string, string, { paths: Record<string, Record<string, unknown>> }][] = [
      ['bookshop.yaml', readFixture('bookshop-3.1.yaml'), parseYaml(readFixture('bookshop-3.1.yaml'))],
      ['petstore.json', readFixture('petstore-swagger2.json'), JSON.parse(readFixture('petstore-swagger2.json'))],
      ['large.json', JSON.stringify(largeSpec(300)), largeSpec(300) as never],
    ];
    for (const [name, text, original] of specs) {
      const tree = loadCollectionTree(ws, importIntoWorkspace(ws, text, name).id);
      for (const format of ['json', 'yaml'] as const) {
        const exported = exportOpenApi(tree, format);
        const doc = format === 'json' ? JSON.parse(exported) : parseYaml(exported);
        expect(operations(doc), `${name} as ${format}`).toEqual(operations(original));
        const again = importOpenApiText(exported, `${name}.${format}`).root;
        expect(again.children.map((n) => n.name)).toEqual(tree.children.map((n) => n.name));
        expect(again.variables?.[0]).toEqual(tree.variables?.[0]);
      }
    }
  });

  it('lists the requests OpenAPI cannot hold (a second GET of a path, a custom method) instead of losing them silently', () => {
    const ws = workspace();
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'Dupes' });
    for (const [name, method] of [['One', 'GET'], ['Two', 'GET'], ['Purge', 'PURGE']]) {
      ws.createItem({ kind: 'request', parentId: c.id, name, request: defaultRequest({ method, url: 'http://x.test/a' }) });
    }
    const doc = JSON.parse(exportOpenApi(loadCollectionTree(ws, c.id)));
    expect(Object.keys(doc.paths['/a'])).toEqual(['get']);
    expect(doc['x-courier-skipped']).toEqual(['GET http://x.test/a (Two)', 'PURGE http://x.test/a (Purge)']);
  });
});
