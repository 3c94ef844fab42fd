// The app's http.send with scripts, through the real handlers, workspace (SQLite), sandbox and
// loopback server: unsaved script edits run, saved folder and collection scripts run, the
// variables scripts set land in the active environment, the globals and the collection, and the
// send is in history with its tests. Without scripts the plain send path answers no script fields.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/test-server.js';
import { defaultRequest } from '../../../shared/model.js';
import { createAppServices, type AppServices } from '../app-services.js';

let server: TestServer;
let app: AppServices;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-scripted-send-'));

beforeAll(async () => {
  server = await startTestServer();
  app = createAppServices({ home, host: 'web', version: 'test' });
});
afterAll(async () => {
  await app.close();
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('http.send with scripts', () => {
  it('runs saved folder and collection scripts with the edited request scripts and writes variables back', async () => {
    const h = app.handlers;
    const col = await h['items.create']({ kind: 'collection', parentId: null, name: 'Shop', scripts: { prerequest: "pm.collectionVariables.set('visits', '1');" } });
    const folder = await h['items.create']({ kind: 'folder', parentId: col.id, name: 'Orders', scripts: { test: "pm.globals.set('lastStatus', String(pm.response.code));" } });
    const req = await h['items.create']({ kind: 'request', parentId: folder.id, name: 'List', request: defaultRequest({ url: `${server.url}/echo/{{id}}` }), scripts: { prerequest: "pm.environment.set('id', 'saved');" } });
    const env = await h['env.create']({ name: 'Dev', variables: [{ key: 'secretKey', value: 's3', enabled: true, secret: true }] });
    await h['env.setActive']({ id: env.id });

    const changes: string[] = [];
    const off = app.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') changes.push((payload as { what: string }).what);
    });
    const result = await h['http.send']({
      sendId: 'scripted-1',
      requestId: req.id,
      request: defaultRequest({ url: `${server.url}/echo/{{id}}` }),
      // Unsaved edits of the request's scripts are what runs.
      scripts: { prerequest: "pm.environment.set('id', 'edited');", test: "pm.test('path', () => pm.expect(pm.response.json().path).to.equal('/echo/edited'));" },
    });
    off();
    expect(result.tests).toEqual([{ name: 'path', passed: true, skipped: false }]);
    expect(result.scriptErrors).toEqual([]);

    const envAfter = (await h['env.list']({})).environments.find((e) => e.id === env.id)!;
    expect(envAfter.variables).toEqual([
      { key: 'secretKey', value: 's3', enabled: true, secret: true },
      { key: 'id', value: 'edited', enabled: true, secret: false },
    ]);
    expect((await h['globals.get']({})).variables).toEqual([{ key: 'lastStatus', value: '200', enabled: true, secret: false }]);
    expect((await h['items.get']({ id: col.id })).variables).toEqual([{ key: 'visits', value: '1', enabled: true, secret: false }]);
    expect(changes).toEqual(expect.arrayContaining(['environments', 'tree', 'history']));

    // In history with its tests, so reopening the entry shows them.
    const stored = await h['history.get']({ id: result.historyId! });
    expect(stored.result.tests).toEqual(result.tests);
  });

  it('keeps nothing it cannot place: without an active environment, a warning in the console says so', async () => {
    const h = app.handlers;
    await h['env.setActive']({ id: null });
    const result = await h['http.send']({
      sendId: 'scripted-2',
      requestId: null,
      request: defaultRequest({ url: `${server.url}/json` }),
      scripts: { prerequest: "pm.environment.set('lost', 'x'); console.info('set');" },
    });
    expect(result.response!.status).toBe(200);
    expect(result.console).toEqual([
      { level: 'info', args: ['set'] },
      { level: 'warn', args: ['No environment is active: the environment variables the scripts set were not kept'] },
    ]);
  });

  it('answers no script fields when no script is on the way', async () => {
    const result = await app.handlers['http.send']({ sendId: 'plain-1', requestId: null, request: defaultRequest({ url: `${server.url}/json` }) });
    expect(result.response!.status).toBe(200);
    expect(result.tests).toBeUndefined();
    expect(result.console).toBeUndefined();
  });
});
