// Postman files through the app's channels: import what the user picked, export a collection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RpcReply } from '../../../shared/contract.js';
import { EventBus } from '../events.js';
import { createHttpEngine, type HttpEngine } from '../http/engine.js';
import { dispatch } from '../rpc/dispatch.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { createHandlers } from './index.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/postman');
let dir: string;
let ws: Workspace;
let engine: HttpEngine;
let changed: unknown[];
let call: (channel: string, input: unknown) => Promise<RpcReply>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-format-handlers-'));
  ws = openWorkspace(dir);
  engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined } });
  const bus = new EventBus();
  changed = [];
  bus.subscribe((name, payload) => name === 'workspace.changed' && changed.push(payload));
  const handlers = createHandlers({ workspace: ws, engine, events: bus, host: 'web', version: 'test' });
  call = (channel, input) => dispatch(handlers, channel, input);
});
afterEach(async () => {
  await engine.close();
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('imports the text of a Postman file and exports the collection back', async () => {
  const text = fs.readFileSync(path.join(fixtures, 'kitchen-sink.postman_collection.json'), 'utf8');
  const imported = await call('formats.import', { fileName: 'kitchen-sink.json', text });
  expect(imported).toMatchObject({ ok: true, value: { created: [{ kind: 'collection', name: 'Kitchen sink', folders: 2, requests: 7 }] } });
  expect(changed).toEqual([{ what: 'tree' }]);
  const id = (imported as { value: { created: { id: string }[] } }).value.created[0].id;
  const exported = await call('formats.export', { collectionId: id });
  expect(exported).toMatchObject({ ok: true, value: { fileName: 'Kitchen sink.postman_collection.json' } });
  expect(JSON.parse((exported as { value: { text: string } }).value.text)).toEqual(JSON.parse(text));
  const env = fs.readFileSync(path.join(fixtures, 'staging.postman_environment.json'), 'utf8');
  expect(await call('formats.import', { fileName: 'staging.json', text: env })).toMatchObject({ ok: true, value: { created: [{ kind: 'environment', name: 'Staging' }] } });
});

it('a bad file is BAD_INPUT naming the file and the place; nothing is saved', async () => {
  expect(await call('formats.import', { fileName: 'x.json', text: '{"info": ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^x.json: not valid JSON/) } });
  const bad = JSON.stringify({ info: { name: 'x' }, item: [{ name: 'ok', request: 'https://a.test' }, { name: 'bad', request: { url: 5 } }] });
  expect(await call('formats.import', { fileName: 'x.json', text: bad })).toMatchObject({
    ok: false,
    error: { code: 'BAD_INPUT', message: 'x.json: item[1].request.url: expected a string or object' },
  });
  expect(ws.tree()).toEqual([]);
  expect(await call('formats.export', { collectionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
