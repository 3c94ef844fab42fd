import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../index.js';
import { loadCollectionTree } from '../item-tree.js';
import { FORMAT_FIXTURES, importError, useTempWorkspace } from '../test-workspace.js';

const { ws } = useTempWorkspace();

describe('cURL import', () => {
  it('makes a collection with a request per command of the file', () => {
    const outcome = importFile(ws(), path.join(FORMAT_FIXTURES, 'requests.curl.sh'));
    expect(outcome.created).toEqual([{ kind: 'collection', id: expect.any(String), name: 'requests.curl', folders: 0, requests: 3 }]);
    expect(outcome.warnings).toEqual(['line 2: ignored --compressed']);
    const [list, create, upload] = loadCollectionTree(ws(), outcome.created[0].id!).children;
    expect(list).toMatchObject({ name: 'GET /v2/orders', request: { method: 'GET', auth: { type: 'bearer', token: 'sk_test_123' }, params: [{ key: 'status', value: 'open' }] } });
    expect(create).toMatchObject({
      name: 'POST /v2/orders',
      request: { auth: { type: 'basic', username: 'shop', password: 's3cret' }, body: { mode: 'raw', language: 'json', raw: '{"sku": "sku-42", "quantity": 2}' } },
    });
    expect(upload.request).toMatchObject({
      method: 'POST',
      settings: { verifyTls: false, followRedirects: true },
      body: { mode: 'formdata', formdata: [{ key: 'invoice', type: 'file', fileName: 'invoice.pdf', contentType: 'application/pdf' }, { key: 'note', value: 'paid' }] },
    });
  });

  it('a command it cannot read names its line, and nothing is created', () => {
    const text = "curl https://a.test/ok\n\ncurl -X POST 'https://a.test/broken\n";
    expect(importError(() => importText(ws(), text, 'cmds.sh'))).toBe('cmds.sh: line 3: That cURL command could not be read: A single quote is not closed');
    expect(importError(() => importText(ws(), 'curl https://a.test\nwget https://b.test', 'cmds.sh', 'curl'))).toBe('cmds.sh: line 2: expected a cURL command, found "wget https://b.test"');
    expect(ws().tree()).toEqual([]);
  });
});
