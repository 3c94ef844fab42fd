// Sending a saved request as the user sees it: collection variables, the active environment
// overriding them, auth inherited from the folder, the result in history.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../shared/model.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { createAppServices, type AppServices } from './app-services.js';
import { sendRequest } from './send-request.js';

let server: TestServer;
let app: AppServices;

beforeAll(async () => {
  server = await startTestServer();
  app = createAppServices({ home: fs.mkdtempSync(path.join(os.tmpdir(), 'courier-send-')), host: 'web', version: 'test' });
});
afterAll(async () => {
  await app.close();
  await server.close();
});

describe('sendRequest', () => {
  it('resolves variables through the scopes and inherits auth from the folder', async () => {
    const { workspace } = app;
    const collection = workspace.createItem({ kind: 'collection', parentId: null, name: 'Shop' });
    workspace.updateItem({
      id: collection.id,
      variables: [
        { key: 'baseUrl', value: 'http://wrong.invalid', enabled: true, secret: false },
        { key: 'resource', value: 'orders', enabled: true, secret: false },
      ],
    });
    const folder = workspace.createItem({ kind: 'folder', parentId: collection.id, name: 'Admin' });
    workspace.updateItem({ id: folder.id, auth: { type: 'bearer', token: '{{token}}' } });
    const env = workspace.createEnvironment({
      name: 'Local',
      variables: [
        { key: 'baseUrl', value: server.url, enabled: true, secret: false },
        { key: 'token', value: 's3cret', enabled: true, secret: true },
      ],
    });
    workspace.updateSettings({ activeEnvironmentId: env.id });
    workspace.setGlobals([{ key: 'resource', value: 'global-loses', enabled: true, secret: false }]);
    const request = workspace.createItem({
      kind: 'request',
      parentId: folder.id,
      name: 'List orders',
      request: defaultRequest({ url: '{{baseUrl}}/echo/{{resource}}?missing={{nope}}' }),
    });

    const result = await sendRequest(app, { sendId: 's1', requestId: request.id, request: request.request! });

    expect(result.error).toBeUndefined();
    expect(result.response?.status).toBe(200);
    const echoed = JSON.parse(result.response!.body.kind === 'text' ? result.response!.body.text : '{}');
    expect(echoed.path).toBe('/echo/orders');
    expect(echoed.headers.authorization).toBe('Bearer s3cret');
    expect(result.unresolved).toEqual(['nope']);
    const [entry] = workspace.listHistory(10);
    expect(entry).toMatchObject({ id: result.historyId, name: 'List orders', status: 200, requestId: request.id });
  });

  it('records a failed send in history with its error', async () => {
    const result = await sendRequest(app, { sendId: 's2', requestId: null, request: defaultRequest({ url: 'http://127.0.0.1:1/x' }) });
    expect(result.error?.code).toBe('CONNECTION_REFUSED');
    const [entry] = app.workspace.listHistory(1);
    expect(entry.status).toBeNull();
    expect(entry.error).toContain('refused');
  });
});
