import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../index.js';
import { loadCollectionTree } from '../item-tree.js';
import { FORMAT_FIXTURES, importError, useTempWorkspace } from '../test-workspace.js';

const { ws } = useTempWorkspace();

describe('HAR import', () => {
  it('makes a folder per page with each entry as a request: query, headers, JSON, form and multipart bodies', () => {
    const outcome = importFile(ws(), path.join(FORMAT_FIXTURES, 'shop.har'));
    expect(outcome.created).toEqual([{ kind: 'collection', id: expect.any(String), name: 'shop', folders: 2, requests: 4 }]);
    const tree = loadCollectionTree(ws(), outcome.created[0].id!);
    expect(tree.children.map((f) => [f.name, f.children.map((r) => r.name)])).toEqual([
      ['https://shop.example.com/', ['GET /v1/products', 'POST /v1/cart/items']],
      ['https://shop.example.com/checkout', ['POST /v1/checkout', 'PUT /receipts']],
    ]);
    const [products, cart] = tree.children[0].children.map((r) => r.request!);
    expect(products.params.map((p) => [p.key, p.value])).toEqual([['category', 'shoes'], ['page', '2']]);
    // HTTP/2 pseudo-headers and computed lengths are left to the engine.
    expect(products.headers.map((h) => h.key)).toEqual(['accept', 'authorization']);
    expect(cart.body).toEqual({ mode: 'raw', language: 'json', raw: '{"productId":"sku-42","quantity":2}' });
    expect(cart.headers.map((h) => h.key)).toEqual(['content-type']);
    // The recorded responses are the requests' saved examples.
    expect(tree.children[0].children.map((r) => r.examples)).toEqual([
      [{ name: '200', status: 200, statusText: '', headers: [], body: '[]' }],
      [{ name: '201 Created', status: 201, statusText: 'Created', headers: [], body: '' }],
    ]);
    const [checkout, upload] = tree.children[1].children.map((r) => r.request!);
    expect(checkout.headers.map((h) => h.key)).toEqual(['Content-Type']);
    expect(checkout.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'coupon', value: 'WINTER 26', enabled: true }, { key: 'gift', value: 'true', enabled: true }] });
    expect(upload.body).toEqual({
      mode: 'formdata',
      formdata: [
        { key: 'order', value: 'A-1001', enabled: true, type: 'text' },
        { key: 'receipt', value: '', enabled: true, type: 'file', fileName: 'receipt.pdf', contentType: 'application/pdf' },
      ],
    });
  });

  it('without pages, a folder per host', () => {
    const { created } = importFile(ws(), path.join(FORMAT_FIXTURES, 'no-pages.har'), 'har');
    const tree = loadCollectionTree(ws(), created[0].id!);
    expect(tree.children.map((f) => [f.name, f.children.map((r) => r.name)])).toEqual([
      ['a.example.com', ['GET /health', 'GET /version']],
      ['b.example.com', ['DELETE /sessions/9']],
    ]);
  });

  it('a broken or wrongly shaped HAR says where, and creates nothing', () => {
    const text = fs.readFileSync(path.join(FORMAT_FIXTURES, 'shop.har'), 'utf8');
    expect(importError(() => importText(ws(), text.slice(0, 200), 'cut.har'))).toMatch(/^cut.har: not valid JSON \(.*\) at line 6, column 87$/);
    const har = JSON.parse(text);
    har.log.entries[2].request.url = 42;
    expect(importError(() => importText(ws(), JSON.stringify(har), 'bad.har'))).toBe('bad.har: log.entries[2].request.url: Invalid input: expected string, received number');
    expect(importError(() => importText(ws(), '{"log": {"entries": 3}}', 'x.har', 'har'))).toMatch(/^x.har: log.entries: /);
    expect(ws().tree()).toEqual([]);
  });
});
