// Postman files through the app's channels: import what the user picked, export a collection.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { useHandlerHarness } from './handler-harness.fixture.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/postman');
const harness = useHandlerHarness();
const call = (channel: string, input: unknown) => harness().call(channel, input);

it('imports the text of a Postman file and exports the collection back', async () => {
  const text = fs.readFileSync(path.join(fixtures, 'kitchen-sink.postman_collection.json'), 'utf8');
  const imported = await call('formats.import', { fileName: 'kitchen-sink.json', text });
  expect(imported).toMatchObject({ ok: true, value: { created: [{ kind: 'collection', name: 'Kitchen sink', folders: 2, requests: 7 }] } });
  expect(harness().changed).toEqual([{ what: 'tree' }]);
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
  expect(harness().ws.tree()).toEqual([]);
  expect(await call('formats.export', { collectionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('shows a request as code with its inherited auth, variables resolved or kept', async () => {
  const { ws } = harness();
  const collection = ws.createItem({
    kind: 'collection',
    parentId: null,
    name: 'Pets',
    auth: { type: 'bearer', token: '{{token}}' },
    variables: [
      { key: 'baseUrl', value: 'https://pets.example.com', enabled: true, secret: false },
      { key: 'token', value: 'tok-9', enabled: true, secret: false },
    ],
  });
  const request = { method: 'POST', url: '{{baseUrl}}/pets', params: [], headers: [], body: { mode: 'raw', language: 'json', raw: '{"name":"Rex"}' }, auth: { type: 'inherit' } };
  const item = ws.createItem({ kind: 'request', parentId: collection.id, name: 'Create', request: request as never });
  const resolved = await call('formats.snippet', { request, requestId: item.id, target: 'python-requests', resolveVariables: true });
  expect(resolved).toMatchObject({ ok: true, value: { code: expect.stringContaining('url = "https://pets.example.com/pets"') } });
  expect((resolved as { value: { code: string } }).value.code).toContain('"Authorization": "Bearer tok-9"');
  const kept = await call('formats.snippet', { request, requestId: item.id, target: 'python-requests', resolveVariables: false });
  expect((kept as { value: { code: string } }).value.code).toContain('url = "{{baseUrl}}/pets"');
  expect((kept as { value: { code: string } }).value.code).toContain('"Authorization": "Bearer {{token}}"');
  expect(await call('formats.snippet', { request, requestId: null, target: 'cobol', resolveVariables: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
});
