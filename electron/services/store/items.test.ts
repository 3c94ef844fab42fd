// The item tree, through the Workspace facade (items.ts, siblings.ts, rows.ts, validate.ts).
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultRequest, type Item } from '../../../shared/model.js';
import { children, collection, expectAppError, folder, request, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('items', () => {
  it('creates, reads and updates collections, folders and requests', () => {
    const c = ws.createItem({
      kind: 'collection',
      parentId: null,
      name: '  Petstore  ',
      description: 'Pets',
      auth: { type: 'bearer', token: '{{token}}' },
      variables: [{ key: 'base', value: 'https://pets.example', enabled: true, secret: false }],
    });
    expect(c).toMatchObject({
      kind: 'collection',
      parentId: null,
      collectionId: c.id,
      name: 'Petstore',
      description: 'Pets',
      auth: { type: 'bearer', token: '{{token}}' },
    });
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
    const f = folder(c.id, 'Pets');
    expect(f).toMatchObject({ kind: 'folder', parentId: c.id, collectionId: c.id, auth: { type: 'inherit' } });
    const r = ws.createItem({ kind: 'request', parentId: f.id, name: 'List' });
    expect(r.request).toEqual(defaultRequest());
    expect(r.auth).toBeUndefined();

    const updated = ws.updateItem({
      id: r.id,
      name: 'List pets',
      description: 'All of them',
      request: defaultRequest({ method: 'POST', url: '{{base}}/pets' }),
    });
    expect(updated).toMatchObject({ name: 'List pets', description: 'All of them', request: { method: 'POST', url: '{{base}}/pets' } });
    expect(updated.createdAt).toBe(r.createdAt);
    expect(ws.getItem(r.id)).toEqual(updated);
    expect(ws.tree().find((n) => n.id === r.id)).toEqual({ id: r.id, parentId: f.id, kind: 'request', name: 'List pets', method: 'POST', sort: r.sort });
    expect(ws.tree().find((n) => n.id === f.id)).not.toHaveProperty('method');

    const c2 = ws.updateItem({ id: c.id, variables: [], auth: { type: 'none' } });
    expect(c2).toMatchObject({ variables: [], auth: { type: 'none' }, name: 'Petstore' });
  });

  it('validates names and what each kind may hold', () => {
    const c = collection();
    const f = folder(c.id, 'F');
    const r = request(f.id, 'R');
    expectAppError(() => ws.createItem({ kind: 'folder', parentId: c.id, name: '   ' }), 'BAD_INPUT', /name is required/);
    expectAppError(() => ws.createItem({ kind: 'folder', parentId: c.id, name: 'x'.repeat(501) }), 'BAD_INPUT', /at most 500/);
    expect(ws.createItem({ kind: 'folder', parentId: c.id, name: 'x'.repeat(500) }).name).toHaveLength(500);
    expectAppError(() => ws.updateItem({ id: f.id, name: '' }), 'BAD_INPUT', /name is required/);
    expectAppError(() => ws.createItem({ kind: 'folder', parentId: null, name: 'Top' }), 'BAD_INPUT', /inside a collection or a folder/);
    expectAppError(() => ws.createItem({ kind: 'request', parentId: null, name: 'Top' }), 'BAD_INPUT', /inside a collection or a folder/);
    expectAppError(() => ws.createItem({ kind: 'collection', parentId: c.id, name: 'Sub' }), 'BAD_INPUT', /top level/);
    expectAppError(() => ws.createItem({ kind: 'request', parentId: r.id, name: 'Child' }), 'BAD_INPUT', /is a request/);
    expectAppError(() => ws.createItem({ kind: 'folder', parentId: 'missing', name: 'X' }), 'NOT_FOUND', /missing/);
    expectAppError(() => ws.updateItem({ id: f.id, request: defaultRequest() }), 'BAD_INPUT', /only requests/);
    expectAppError(() => ws.updateItem({ id: f.id, variables: [] }), 'BAD_INPUT', /only collections/);
    expectAppError(() => ws.updateItem({ id: r.id, auth: { type: 'none' } }), 'BAD_INPUT', /request\.auth/);
    const bad = expectAppError(
      () => ws.updateItem({ id: r.id, request: { ...defaultRequest(), method: 'G E T' } }),
      'BAD_INPUT',
      /request\.method/,
    );
    expect(bad.issues?.[0].path).toBe('request.method');
    expectAppError(() => ws.getItem('nope'), 'NOT_FOUND', /Item nope was not found/);
    expectAppError(() => ws.updateItem({ id: 'nope', name: 'x' }), 'NOT_FOUND');
    expectAppError(() => ws.deleteItem('nope'), 'NOT_FOUND');
  });

  it('reports a damaged row by name instead of crashing', () => {
    const c = collection();
    const r = request(c.id, 'Broken one');
    const ok = request(c.id, 'Fine');
    const db = (ws as unknown as { db: Database.Database }).db;
    db.prepare('UPDATE items SET request_json = ? WHERE id = ?').run('{"method": 42', r.id);
    const e = expectAppError(() => ws.getItem(r.id), 'INTERNAL', /"Broken one"/);
    expect(e.message).toContain(r.id);
    expect(e.message).toMatch(/not valid JSON/);
    db.prepare('UPDATE items SET request_json = ? WHERE id = ?').run('{"method": "G E T", "url": ""}', r.id);
    expectAppError(() => ws.getItem(r.id), 'INTERNAL', /"Broken one".*damaged.*method/);
    // The rest of the workspace still works.
    expect(ws.tree()).toHaveLength(3);
    expect(ws.getItem(ok.id).name).toBe('Fine');
  });

  it('orders siblings by creation, by index on create, and after moves exactly as dragged', () => {
    const c = collection();
    for (const n of ['a', 'b', 'c', 'd', 'e']) request(c.id, n);
    expect(children(c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    request(c.id, 'first', undefined, undefined, 0);
    request(c.id, 'third', undefined, undefined, 2);
    request(c.id, 'far', undefined, undefined, 99);
    expect(children(c.id)).toEqual(['first', 'a', 'third', 'b', 'c', 'd', 'e', 'far']);

    const model = children(c.id);
    const idOf = (name: string) => ws.tree().find((n) => n.name === name)!.id;
    const move = (name: string, index: number) => {
      ws.moveItem({ id: idOf(name), parentId: c.id, index });
      model.splice(model.indexOf(name), 1);
      model.splice(Math.min(index, model.length), 0, name);
      expect(children(c.id)).toEqual(model);
    };
    move('e', 0);
    move('first', 7);
    move('a', 3);
    move('a', 3); // a no-op drop
    move('far', 1);
    move('c', 100);
    // Many drops into the same gap exhaust the midpoints and force a renumbering.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 120; i++) move(i % 2 ? 'b' : 'd', 1);
    for (let i = 0; i < 200; i++) move(model[Math.floor(rand() * model.length)], Math.floor(rand() * (model.length + 1)));
  });

  it('orders collections at the top level too', () => {
    const a = collection('A');
    collection('B');
    collection('C');
    ws.moveItem({ id: a.id, parentId: null, index: 2 });
    expect(children(null)).toEqual(['B', 'C', 'A']);
    expectAppError(() => ws.moveItem({ id: a.id, parentId: null, index: -1 }), 'BAD_INPUT', /index/);
  });

  it('moves across folders and collections, carrying the subtree', () => {
    const c1 = collection('One');
    const c2 = collection('Two');
    const f = folder(c1.id, 'F');
    const sub = folder(f.id, 'Sub');
    const r1 = request(sub.id, 'deep');
    const r2 = request(f.id, 'shallow');
    const target = folder(c2.id, 'Target');
    request(target.id, 'x');
    request(target.id, 'y');

    const moved = ws.moveItem({ id: f.id, parentId: target.id, index: 1 });
    expect(moved).toMatchObject({ parentId: target.id, collectionId: c2.id });
    expect(children(target.id)).toEqual(['x', 'F', 'y']);
    for (const id of [f.id, sub.id, r1.id, r2.id]) expect(ws.getItem(id).collectionId).toBe(c2.id);
    expect(children(c1.id)).toEqual([]);

    // Straight under another collection, then back.
    ws.moveItem({ id: r1.id, parentId: c1.id, index: 0 });
    expect(ws.getItem(r1.id)).toMatchObject({ parentId: c1.id, collectionId: c1.id });
    expect(ws.ancestors(r1.id).map((i) => i.name)).toEqual(['One']);
  });

  it('refuses impossible moves with plain messages', () => {
    const c1 = collection('One');
    const c2 = collection('Two');
    const f = folder(c1.id, 'F');
    const sub = folder(f.id, 'Sub');
    const subsub = folder(sub.id, 'SubSub');
    const r = request(f.id, 'R');
    expectAppError(() => ws.moveItem({ id: f.id, parentId: f.id, index: 0 }), 'BAD_INPUT', /into itself/);
    expectAppError(() => ws.moveItem({ id: f.id, parentId: sub.id, index: 0 }), 'BAD_INPUT', /"F" cannot be moved into "Sub", which is inside it/);
    expectAppError(() => ws.moveItem({ id: f.id, parentId: subsub.id, index: 0 }), 'BAD_INPUT', /inside it/);
    expectAppError(() => ws.moveItem({ id: c1.id, parentId: c1.id, index: 0 }), 'BAD_INPUT', /top level/);
    expectAppError(() => ws.moveItem({ id: c1.id, parentId: c2.id, index: 0 }), 'BAD_INPUT', /top level/);
    expectAppError(() => ws.moveItem({ id: sub.id, parentId: r.id, index: 0 }), 'BAD_INPUT', /"R" is a request/);
    expectAppError(() => ws.moveItem({ id: f.id, parentId: null, index: 0 }), 'BAD_INPUT', /inside a collection or a folder/);
    expectAppError(() => ws.moveItem({ id: r.id, parentId: null, index: 0 }), 'BAD_INPUT', /inside a collection or a folder/);
    expectAppError(() => ws.moveItem({ id: r.id, parentId: 'missing', index: 0 }), 'NOT_FOUND');
    // Nothing changed.
    expect(ws.getItem(f.id).parentId).toBe(c1.id);
    expect(ws.getItem(sub.id).parentId).toBe(f.id);
  });

  it('duplicates a subtree deeply, right after the original', () => {
    const c = collection('C');
    const before = request(c.id, 'before');
    const f = folder(c.id, 'Users');
    ws.updateItem({ id: f.id, description: 'docs', auth: { type: 'basic', username: 'u', password: 'p' } });
    const after = request(c.id, 'after');
    const sub = folder(f.id, 'Admin');
    const r1 = request(f.id, 'List', 'https://x/users', 'GET');
    const r2 = request(sub.id, 'Ban', 'https://x/ban', 'POST');
    void before;
    void after;

    const copy = ws.duplicateItem(f.id);
    expect(copy).toMatchObject({ name: 'Users copy', parentId: c.id, collectionId: c.id, description: 'docs' });
    expect(copy.auth).toEqual({ type: 'basic', username: 'u', password: 'p' });
    expect(copy.id).not.toBe(f.id);
    expect(children(c.id)).toEqual(['before', 'Users', 'Users copy', 'after']);
    expect(children(copy.id)).toEqual(['Admin', 'List']);
    const copiedSub = ws.tree().find((n) => n.parentId === copy.id && n.name === 'Admin')!;
    const [ban] = ws.tree().filter((n) => n.parentId === copiedSub.id);
    expect(ws.getItem(ban.id).request).toEqual(ws.getItem(r2.id).request);
    expect(ban.id).not.toBe(r2.id);
    // A deep copy: changing the copy leaves the original alone.
    ws.updateItem({ id: ban.id, request: defaultRequest({ url: 'changed' }) });
    expect(ws.getItem(r2.id).request!.url).toBe('https://x/ban');
    expect(ws.getItem(r1.id).parentId).toBe(f.id);

    // Duplicating a collection makes a new collection, every copied item pointing at it.
    const cc = ws.duplicateItem(c.id);
    expect(cc).toMatchObject({ name: 'C copy', parentId: null, collectionId: cc.id });
    const ccItems = ws.tree().filter((n) => n.id !== cc.id && ws.getItem(n.id).collectionId === cc.id);
    expect(ccItems).toHaveLength(10);
    expect(children(null)).toEqual(['C', 'C copy']);
    // The name stays within 500 characters.
    const long = folder(c.id, 'n'.repeat(500));
    expect(ws.duplicateItem(long.id).name).toBe('n'.repeat(495) + ' copy');
  });

  it('deletes a whole subtree and counts it', () => {
    const c = collection();
    const f = folder(c.id, 'F');
    const sub = folder(f.id, 'Sub');
    request(sub.id, 'a');
    request(sub.id, 'b');
    request(f.id, 'c');
    const keep = request(c.id, 'keep');
    expect(ws.deleteItem(f.id)).toEqual({ deleted: 5 });
    expect(ws.tree().map((n) => n.name)).toEqual(['API', 'keep']);
    expect(ws.deleteItem(keep.id)).toEqual({ deleted: 1 });
    expect(ws.deleteItem(c.id)).toEqual({ deleted: 1 });
    expect(ws.tree()).toEqual([]);
    expect(ws.search('a', 10)).toEqual([]);
  });

  it('lists ancestors from the nearest up to the collection', () => {
    const c = collection('C');
    const f = folder(c.id, 'F');
    const g = folder(f.id, 'G');
    const r = request(g.id, 'R');
    expect(ws.ancestors(r.id).map((i: Item) => i.name)).toEqual(['G', 'F', 'C']);
    expect(ws.ancestors(r.id)[2].variables).toEqual([]);
    expect(ws.ancestors(c.id)).toEqual([]);
    expectAppError(() => ws.ancestors('nope'), 'NOT_FOUND');
  });

  it('runs several changes in one transaction, all or nothing', () => {
    const c = collection();
    expect(() =>
      ws.transaction(() => {
        request(c.id, 'one');
        request(c.id, 'two');
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(children(c.id)).toEqual([]);
    const n = ws.transaction(() => {
      request(c.id, 'one');
      request(c.id, 'two');
      return 2;
    });
    expect(n).toBe(2);
    expect(children(c.id)).toEqual(['one', 'two']);
  });
});
