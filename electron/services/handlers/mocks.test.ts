// The mocks.* channels on the app's services: start a mock of a collection, call it, read its log,
// list and stop it; a bad input is a typed error; closing the app stops every mock left running.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockOptions } from '../../../shared/contract-design.js';
import { defaultRequest } from '../../../shared/model.js';
import { createAppServices, type AppServices } from '../app-services.js';
import { listening } from '../mock/ports.fixture.js';

let home: string;
let services: AppServices;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-mock-handlers-'));
  services = createAppServices({ home, host: 'web', version: 'test', embeddedBilling: false, env: {} });
});
afterEach(async () => {
  await services.close();
  fs.rmSync(home, { recursive: true, force: true });
});

function collectionWithExample(): string {
  const ws = services.workspace;
  const collection = ws.createItem({ kind: 'collection', parentId: null, name: 'Orders' });
  const request = ws.createItem({ kind: 'request', parentId: collection.id, name: 'List', request: defaultRequest({ url: '{{baseUrl}}/orders' }) });
  ws.createExample(request.id, { name: 'Two orders', status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json']], body: '[1,2]' });
  return collection.id;
}

describe('mocks.* handlers', () => {
  it('start, call, log, list, stop', async () => {
    const h = services.handlers;
    const info = await h['mocks.start'](MockOptions.parse({ source: { kind: 'collection', collectionId: collectionWithExample() } }));
    expect(info).toMatchObject({ name: 'Orders', host: '127.0.0.1', latencyMs: 0, cors: true });
    expect(await (await fetch(`${info.url}/orders`)).json()).toEqual([1, 2]);
    expect((await h['mocks.log']({ id: info.id })).entries).toMatchObject([{ method: 'GET', path: '/orders', status: 200, match: 'Two orders' }]);
    expect((await h['mocks.list']({})).mocks).toMatchObject([{ id: info.id, requests: 1 }]);
    expect(await h['mocks.stop']({ id: info.id })).toEqual({ ok: true });
    expect((await h['mocks.list']({})).mocks).toEqual([]);
    await expect(h['mocks.log']({ id: info.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an unknown source is NOT_FOUND and nothing starts', async () => {
    await expect(services.handlers['mocks.start'](MockOptions.parse({ source: { kind: 'spec', specId: 'nope' } }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(services.handlers['mocks.start'](MockOptions.parse({ source: { kind: 'collection', collectionId: 'nope' } }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await services.handlers['mocks.list']({})).mocks).toEqual([]);
  });

  it('closing the app stops every mock', async () => {
    const info = await services.handlers['mocks.start'](MockOptions.parse({ source: { kind: 'collection', collectionId: collectionWithExample() } }));
    expect(await listening(info.port)).toBe(true);
    await services.close();
    expect(await listening(info.port)).toBe(false);
    services = createAppServices({ home, host: 'web', version: 'test', embeddedBilling: false, env: {} });
  });
});
