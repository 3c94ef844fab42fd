// OpenAPI specs in the store (specs.ts, migration 007): CRUD, limits, and what happens to the link
// when either side is deleted.
import { describe, expect, it } from 'vitest';
import { collection, expectAppError, reopen, request, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

const TEXT = 'openapi: 3.1.0\ninfo: {title: Pets, version: "1"}\npaths: {}\n';

describe('specs in the store', () => {
  it('creates, lists by name, reads, updates and deletes specs, kept across a reopen', () => {
    const b = ws.createSpec({ name: '  Pets API ', format: 'yaml', text: TEXT });
    const a = ws.createSpec({ name: 'accounts', format: 'json', text: '{}' });
    expect(b).toMatchObject({ name: 'Pets API', format: 'yaml', text: TEXT, collectionId: null });
    expect(ws.listSpecs().map((s) => s.name)).toEqual(['accounts', 'Pets API']);
    const updated = ws.updateSpec(b.id, { text: 'not: [valid openapi' });
    expect(updated.text).toBe('not: [valid openapi'); // saved as typed: the editor shows the problems
    expect(updated.name).toBe('Pets API');
    expect(ws.updateSpec(b.id, { name: 'Pets' }).text).toBe('not: [valid openapi');
    reopen();
    expect(ws.getSpec(b.id)).toMatchObject({ name: 'Pets', text: 'not: [valid openapi' });
    ws.deleteSpec(a.id);
    expect(ws.listSpecs().map((s) => s.id)).toEqual([b.id]);
  });

  it('refuses a blank name, an unknown format, a text over 20 MB and unknown ids, changing nothing', () => {
    expectAppError(() => ws.createSpec({ name: '  ', format: 'yaml', text: TEXT }), 'BAD_INPUT', /name is required/);
    expectAppError(() => ws.createSpec({ name: 'x'.repeat(201), format: 'yaml', text: TEXT }), 'BAD_INPUT', /at most 200/);
    expectAppError(() => ws.createSpec({ name: 'X', format: 'xml' as 'yaml', text: TEXT }), 'BAD_INPUT', /YAML or JSON/);
    const s = ws.createSpec({ name: 'Pets', format: 'yaml', text: TEXT });
    expectAppError(() => ws.updateSpec(s.id, { text: 'x'.repeat(20 * 1024 * 1024 + 1) }), 'BAD_INPUT', /at most 20 MB/);
    expect(ws.getSpec(s.id).text).toBe(TEXT);
    expectAppError(() => ws.getSpec('nope'), 'NOT_FOUND', /Spec nope/);
    expectAppError(() => ws.updateSpec('nope', { name: 'x' }), 'NOT_FOUND');
    expectAppError(() => ws.deleteSpec('nope'), 'NOT_FOUND');
    expect(ws.listSpecs()).toHaveLength(1);
  });

  it('keeps the collection when its spec is deleted, and the spec (unlinked) when its collection is deleted', () => {
    const c = collection('Pets');
    const r = request(c.id, 'List pets');
    const s = ws.createSpec({ name: 'Pets', format: 'yaml', text: TEXT });
    ws.linkSpec(s.id, c.id, [{ key: 'GET /pets', itemId: r.id, snapshotJson: '{}' }]);
    expect(ws.getSpec(s.id).collectionId).toBe(c.id);
    expect(ws.specOperations(s.id)).toEqual([{ key: 'GET /pets', itemId: r.id, snapshotJson: '{}' }]);

    ws.deleteItem(r.id); // the user deletes the request: the operation stays, without its request
    expect(ws.specOperations(s.id)).toEqual([{ key: 'GET /pets', itemId: null, snapshotJson: '{}' }]);
    ws.deleteItem(c.id);
    expect(ws.getSpec(s.id).collectionId).toBeNull();

    const c2 = collection('Pets again');
    ws.linkSpec(s.id, c2.id, []);
    ws.deleteSpec(s.id);
    expect(ws.getItem(c2.id).name).toBe('Pets again');
  });

  it('links only to a collection that exists', () => {
    const c = collection('Pets');
    const r = request(c.id, 'List pets');
    const s = ws.createSpec({ name: 'Pets', format: 'yaml', text: TEXT });
    expectAppError(() => ws.linkSpec(s.id, r.id, []), 'BAD_INPUT', /is a request/);
    expectAppError(() => ws.linkSpec(s.id, 'nope', []), 'NOT_FOUND');
    expect(ws.getSpec(s.id).collectionId).toBeNull();
  });
});
