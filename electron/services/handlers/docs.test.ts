// Saved examples and the Docs view through the app's channels (validated by the dispatcher).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, expect, it } from 'vitest';
import type { RpcReply } from '../../../shared/contract.js';
import type { DocsNode } from '../../../shared/contract-docs.js';
import { importText } from '../formats/index.js';
import { useHandlerHarness } from './handler-harness.fixture.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/docs/users-api.postman_collection.json');
const harness = useHandlerHarness();
const call = (channel: string, input: unknown) => harness().call(channel, input);
let collectionId: string;

beforeEach(() => {
  collectionId = importText(harness().ws, fs.readFileSync(fixture, 'utf8'), 'users.json').created[0].id!;
});

const value = <T>(reply: RpcReply): T => {
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
};

it('docs.collection gives the tree with descriptions, bodies, cURL commands and examples', async () => {
  const doc = value<DocsNode>(await call('docs.collection', { collectionId }));
  expect(doc.name).toBe('Users API');
  const [users, health] = doc.children;
  expect(users.description).toBe('Everything about users.\n\n- list\n- create');
  const create = users.children[1];
  expect(create).toMatchObject({ name: 'Create user', body: { language: 'json', text: '{"name":"Grace"}' } });
  expect(create.curl).toContain('curl --request POST');
  expect(create.examples.map((e) => e.name)).toEqual(['Created', 'Invalid name']);
  expect(health.examples).toEqual([]);
  // From a request inside it, the whole collection.
  expect(value<DocsNode>(await call('docs.collection', { collectionId: health.id })).id).toBe(collectionId);
});

it('examples.* save, list, rename and delete; bad input is refused by name', async () => {
  const doc = value<DocsNode>(await call('docs.collection', { collectionId }));
  const requestId = doc.children[1].id;
  const saved = value<{ id: string }>(
    await call('examples.create', { requestId, name: 'Up', status: 200, statusText: 'OK', headers: [['Content-Type', 'text/plain']], body: 'ok' }),
  );
  expect(value<{ name: string }>(await call('examples.rename', { id: saved.id, name: 'All up' })).name).toBe('All up');
  expect(value<{ examples: { name: string }[] }>(await call('examples.list', { requestId })).examples.map((e) => e.name)).toEqual(['All up']);
  const blank = await call('examples.create', { requestId, name: '  ', status: 200, statusText: '', headers: [], body: '' });
  expect(blank).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  const onFolder = await call('examples.create', { requestId: doc.children[0].id, name: 'x', status: 200, statusText: '', headers: [], body: '' });
  expect(onFolder).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/belong to requests/) } });
  expect(value(await call('examples.delete', { id: saved.id }))).toEqual({ ok: true });
  expect(await call('examples.delete', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
