import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { defaultRequest, type Item, type SendResult } from '../../../shared/model.js';
import { openWorkspace, WORKSPACE_FILE, type Workspace } from './workspace.js';

let dir: string;
let ws: Workspace;
const open: Workspace[] = [];

function reopen(options?: { historyLimit?: number }): Workspace {
  ws.close();
  ws = openWorkspace(dir, options);
  open.push(ws);
  return ws;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-store-'));
  ws = openWorkspace(dir);
  open.push(ws);
});

afterEach(() => {
  for (const w of open.splice(0)) w.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectAppError(fn: () => unknown, code: AppError['code'], message?: RegExp): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  const e = caught as AppError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  return e;
}

const collection = (name = 'API') => ws.createItem({ kind: 'collection', parentId: null, name });
const folder = (parentId: string, name: string, index?: number) => ws.createItem({ kind: 'folder', parentId, name, index });
const request = (parentId: string, name: string, url = 'https://example.com/', method = 'GET', index?: number) =>
  ws.createItem({ kind: 'request', parentId, name, index, request: defaultRequest({ method, url }) });

/** Names of the children of `parentId`, in tree order. */
const children = (parentId: string | null) =>
  ws
    .tree()
    .filter((n) => n.parentId === parentId)
    .map((n) => n.name);

describe('opening', () => {
  it('creates the home folder and the file, in WAL mode with foreign keys on', () => {
    const home = path.join(dir, 'nested', 'home');
    const w = openWorkspace(home);
    open.push(w);
    expect(w.home).toBe(home);
    expect(fs.existsSync(path.join(home, WORKSPACE_FILE))).toBe(true);
    const raw = new Database(path.join(home, WORKSPACE_FILE), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const ids = raw.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
      expect(ids).toEqual(['2026-11-24-001-initial', '2026-11-24-002-search-index']);
    } finally {
      raw.close();
    }
    // Foreign keys are enforced on the store's own connection: a child of a missing parent is refused.
    expect(() =>
      (w as unknown as { db: Database.Database }).db
        .prepare(
          "INSERT INTO items (id, parent_id, collection_id, kind, name, sort, created_at, updated_at) VALUES ('x', 'nope', 'nope', 'folder', 'x', 1, '', '')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses a file that is not SQLite, saying so, and leaves it untouched', () => {
    const home = path.join(dir, 'bad');
    fs.mkdirSync(home);
    const file = path.join(home, WORKSPACE_FILE);
    const content = Buffer.from('{"this is": "not a database"}\n'.repeat(200));
    fs.writeFileSync(file, content);
    const before = fs.statSync(file);
    const e = expectAppError(() => openWorkspace(home), 'BAD_INPUT', /not an SQLite database/);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/left untouched/);
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(fs.readdirSync(home)).toEqual([WORKSPACE_FILE]); // no -wal or -shm beside it
  });

  it('refuses a damaged SQLite file with a clear error', () => {
    const home = path.join(dir, 'damaged');
    fs.mkdirSync(home);
    const file = path.join(home, WORKSPACE_FILE);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(8192, 0xab)]));
    const e = expectAppError(() => openWorkspace(home), 'INTERNAL', /Could not open the workspace/);
    expect(e.message).toContain(file);
  });

  it('lets two connections share one workspace (the app and the CLI)', () => {
    const other = openWorkspace(dir);
    open.push(other);
    const c = collection('Shared');
    expect(other.getItem(c.id).name).toBe('Shared');
    other.updateItem({ id: c.id, name: 'Renamed elsewhere' });
    expect(ws.tree()[0].name).toBe('Renamed elsewhere');
  });

  it('keeps everything across close and reopen', () => {
    const c = collection('Kept');
    const f = folder(c.id, 'F');
    const r = request(f.id, 'R', 'https://kept.example/x', 'POST');
    const env = ws.createEnvironment({ name: 'Prod', variables: [{ key: 'a', value: '1', enabled: true, secret: false }] });
    ws.setGlobals([{ key: 'g', value: '2', enabled: true, secret: true }]);
    ws.updateSettings({ theme: 'dark', activeEnvironmentId: env.id });
    ws.setKv('cookies', '{"jar":1}');
    ws.addHistory({ requestId: r.id, name: 'R', request: r.request!, result: okResult() });
    const tree = ws.tree();
    reopen();
    expect(ws.tree()).toEqual(tree);
    expect(ws.getItem(r.id)).toEqual(r);
    expect(ws.getEnvironment(env.id)).toEqual(env);
    expect(ws.getGlobals()).toEqual([{ key: 'g', value: '2', enabled: true, secret: true }]);
    expect(ws.getSettings()).toMatchObject({ theme: 'dark', activeEnvironmentId: env.id });
    expect(ws.getKv('cookies')).toBe('{"jar":1}');
    expect(ws.listHistory(10)).toHaveLength(1);
    expect(ws.search('kept.example', 10).map((h) => h.id)).toEqual([r.id]);
  });

  it('refuses a workspace written by a newer version', () => {
    ws.close();
    const raw = new Database(path.join(dir, WORKSPACE_FILE));
    raw.prepare("INSERT INTO schema_migrations (id, applied_at) VALUES ('2099-01-01-001-future', 'x')").run();
    raw.close();
    expectAppError(() => openWorkspace(dir), 'CONFLICT', /newer version of Courier/);
  });
});

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

describe('search', () => {
  it('matches names, URLs and methods case-insensitively, with the path to each hit', () => {
    const c = collection('Petstore');
    const f = folder(c.id, 'Users');
    const admin = folder(f.id, 'Admin');
    const list = request(f.id, 'List users', 'https://api.example.com/v1/users', 'GET');
    const create = request(f.id, 'Create user', 'https://api.example.com/v1/users', 'POST');
    const ban = request(admin.id, 'Ban', 'https://api.example.com/v1/bans/{{id}}', 'DELETE');
    request(c.id, 'Health', 'https://status.example.org/ping', 'HEAD');

    const hits = ws.search('USERS', 10);
    expect(hits.map((h) => h.name)).toEqual(['Users', 'List users', 'Create user']);
    expect(hits[0]).toEqual({ id: f.id, kind: 'folder', name: 'Users', path: ['Petstore'] });
    expect(hits[1]).toEqual({
      id: list.id,
      kind: 'request',
      name: 'List users',
      method: 'GET',
      url: 'https://api.example.com/v1/users',
      path: ['Petstore', 'Users'],
    });
    expect(ws.search('bans/', 10)).toMatchObject([{ id: ban.id, path: ['Petstore', 'Users', 'Admin'] }]);
    expect(ws.search('post', 10).map((h) => h.id)).toEqual([create.id]);
    expect(ws.search('delete', 10).map((h) => h.id)).toEqual([ban.id]);
    // Every word must match somewhere; short words work too.
    expect(ws.search('post users', 10).map((h) => h.id)).toEqual([create.id]);
    expect(ws.search('v1 li', 10).map((h) => h.id)).toEqual([list.id]);
    expect(ws.search('ba', 10).map((h) => h.name)).toEqual(['Ban']);
    expect(ws.search('{{id}}', 10).map((h) => h.id)).toEqual([ban.id]);
    // Special characters are text, not syntax.
    expect(ws.search('"', 10)).toEqual([]);
    expect(ws.search('%', 10)).toEqual([]);
    expect(ws.search('a"b OR c', 10)).toEqual([]);
    expect(ws.search('   ', 10)).toEqual([]);
    expect(ws.search('example', 2)).toHaveLength(2);
    // Renames and URL changes are found at once.
    ws.updateItem({ id: list.id, name: 'Everyone', request: defaultRequest({ url: 'https://zzz.test/' }) });
    expect(ws.search('List users', 10)).toEqual([]);
    expect(ws.search('zzz.test', 10).map((h) => h.id)).toEqual([list.id]);
    // Exact name first, then prefix, then elsewhere.
    request(c.id, 'ping health', 'https://x/');
    request(c.id, 'Healthy', 'https://x/');
    expect(ws.search('health', 10).map((h) => h.name)).toEqual(['Health', 'Healthy', 'ping health']);
  });

  it('stays fast on 10,000 requests', () => {
    const c = collection('Big');
    ws.transaction(() => {
      for (let f = 0; f < 20; f++) {
        const folderItem = folder(c.id, `Folder ${f}`);
        for (let r = 0; r < 500; r++) {
          request(folderItem.id, `Request ${f}-${r}`, `https://api${f}.example.com/things/${r}?q=${r}`, r % 3 ? 'GET' : 'POST');
        }
      }
    });
    const start = performance.now();
    const hits = ws.search('things/499', 50);
    const few = ws.search('request 7-42', 50);
    const many = ws.search('example', 50);
    const elapsed = performance.now() - start;
    expect(hits).toHaveLength(20);
    expect(few.map((h) => h.name)).toContain('Request 7-42');
    expect(many).toHaveLength(50);
    expect(elapsed).toBeLessThan(500);
  });
});

describe('environments, globals and settings', () => {
  it('creates, lists, updates and deletes environments', () => {
    const prod = ws.createEnvironment({ name: ' Prod ', variables: [{ key: 'host', value: 'p', enabled: true, secret: false }] });
    const dev = ws.createEnvironment({ name: 'dev', variables: [] });
    expect(prod.name).toBe('Prod');
    expect(ws.listEnvironments().map((e) => e.name)).toEqual(['dev', 'Prod']);
    const up = ws.updateEnvironment({ id: dev.id, name: 'Development', variables: [{ key: 'k', value: 'v', enabled: false, secret: true }] });
    expect(up).toMatchObject({ name: 'Development', variables: [{ key: 'k', value: 'v', enabled: false, secret: true }] });
    expect(ws.updateEnvironment({ id: dev.id, name: 'Dev' }).variables).toHaveLength(1);
    expectAppError(() => ws.createEnvironment({ name: '' }), 'BAD_INPUT', /name is required/);
    expectAppError(() => ws.createEnvironment({ name: 'x'.repeat(201) }), 'BAD_INPUT', /at most 200/);
    expectAppError(() => ws.getEnvironment('nope'), 'NOT_FOUND', /Environment nope/);
    expectAppError(() => ws.updateEnvironment({ id: 'nope', name: 'x' }), 'NOT_FOUND');
    ws.deleteEnvironment(prod.id);
    expect(ws.listEnvironments().map((e) => e.name)).toEqual(['Dev']);
    expectAppError(() => ws.deleteEnvironment(prod.id), 'NOT_FOUND');
  });

  it('keeps global variables', () => {
    expect(ws.getGlobals()).toEqual([]);
    const vars = [
      { key: 'a', value: '1', enabled: true, secret: false },
      { key: 'b', value: '2', enabled: false, secret: true },
    ];
    expect(ws.setGlobals(vars)).toEqual(vars);
    expect(ws.getGlobals()).toEqual(vars);
    expect(ws.setGlobals([])).toEqual([]);
    expectAppError(() => ws.setGlobals([{ key: 1 } as never]), 'BAD_INPUT', /variables\.0\.key/);
  });

  it('validates settings, and deleting the active environment clears it', () => {
    expect(ws.getSettings()).toEqual({
      theme: 'system',
      responseBodyLimitBytes: 100 * 1024 * 1024,
      activeEnvironmentId: null,
      defaultTimeoutMs: 30_000,
    });
    expect(ws.updateSettings({ theme: 'dark' })).toMatchObject({ theme: 'dark', defaultTimeoutMs: 30_000 });
    expect(ws.updateSettings({ defaultTimeoutMs: 5000 })).toMatchObject({ theme: 'dark', defaultTimeoutMs: 5000 });
    expectAppError(() => ws.updateSettings({ theme: 'pink' as never }), 'BAD_INPUT', /theme/);
    expectAppError(() => ws.updateSettings({ responseBodyLimitBytes: 10 }), 'BAD_INPUT', /responseBodyLimitBytes/);
    expectAppError(() => ws.updateSettings({ colour: 'red' } as never), 'BAD_INPUT', /Unknown setting: colour/);
    expectAppError(() => ws.updateSettings({ activeEnvironmentId: 'nope' }), 'NOT_FOUND', /Environment nope/);
    expect(ws.getSettings().theme).toBe('dark');

    const env = ws.createEnvironment({ name: 'E' });
    const other = ws.createEnvironment({ name: 'Other' });
    expect(ws.updateSettings({ activeEnvironmentId: env.id }).activeEnvironmentId).toBe(env.id);
    ws.deleteEnvironment(other.id);
    expect(ws.getSettings().activeEnvironmentId).toBe(env.id);
    ws.deleteEnvironment(env.id);
    expect(ws.getSettings()).toMatchObject({ activeEnvironmentId: null, theme: 'dark', defaultTimeoutMs: 5000 });
  });

  it('falls back to defaults for a stored setting that no longer validates', () => {
    ws.updateSettings({ theme: 'light', defaultTimeoutMs: 1234 });
    const db = (ws as unknown as { db: Database.Database }).db;
    db.prepare("UPDATE documents SET json = ? WHERE key = 'settings'").run('{"theme":"neon","defaultTimeoutMs":1234}');
    expect(ws.getSettings()).toMatchObject({ theme: 'system', defaultTimeoutMs: 1234 });
    db.prepare("UPDATE documents SET json = ? WHERE key = 'settings'").run('not json');
    expect(ws.getSettings().theme).toBe('system');
  });
});

function okResult(overrides: Partial<SendResult> = {}): SendResult {
  return {
    sendId: 's1',
    sent: { method: 'GET', url: 'https://example.com/x?resolved=1', headers: [], bodySize: 0 },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      url: 'https://example.com/x?resolved=1',
      headers: [['content-type', 'application/json']],
      cookies: [],
      contentType: 'application/json',
      timings: { dns: 1, connect: 2, tls: 0, firstByte: 10, download: 3, total: 16 },
      size: { headers: 40, body: 2 },
      body: { kind: 'text', text: '{}' },
      redirects: [],
    },
    unresolved: [],
    ...overrides,
  };
}

describe('history', () => {
  it('records sends newest first and gives back the request and result', () => {
    const req = defaultRequest({ url: '{{base}}/x' });
    const a = ws.addHistory({ requestId: null, name: 'first', request: req, result: okResult() });
    const b = ws.addHistory({
      requestId: null,
      name: 'second',
      request: req,
      result: { sendId: 's2', unresolved: ['base'], error: { code: 'DNS', message: 'no such host' } },
    });
    expect(a).toMatchObject({ name: 'first', method: 'GET', url: 'https://example.com/x?resolved=1', status: 200, error: null, durationMs: 16, size: 2 });
    expect(b).toMatchObject({ status: null, error: 'no such host', url: '{{base}}/x', durationMs: 0, size: 0 });
    expect(ws.listHistory(10).map((e) => e.name)).toEqual(['second', 'first']);
    expect(ws.listHistory(1).map((e) => e.name)).toEqual(['second']);
    const got = ws.getHistory(a.id);
    expect(got.entry).toEqual(a);
    expect(got.request).toEqual(req);
    expect(got.result).toMatchObject({ sendId: 's1', historyId: a.id, response: { status: 200, body: { kind: 'text', text: '{}' } } });
    expectAppError(() => ws.getHistory('nope'), 'NOT_FOUND');
    ws.clearHistory();
    expect(ws.listHistory(10)).toEqual([]);
  });

  it('keeps only the newest entries', () => {
    reopen({ historyLimit: 25 });
    const req = defaultRequest({ url: 'https://x/' });
    for (let i = 0; i < 60; i++) ws.addHistory({ requestId: null, name: `n${i}`, request: req, result: okResult() });
    const list = ws.listHistory(1000);
    expect(list).toHaveLength(25);
    expect(list[0].name).toBe('n59');
    expect(list[24].name).toBe('n35');
  });

  it('keeps 1,000 by default', () => {
    const req = defaultRequest({ url: 'https://x/' });
    const result = okResult();
    ws.transaction(() => {
      for (let i = 0; i < 1005; i++) ws.addHistory({ requestId: null, name: `n${i}`, request: req, result });
    });
    const list = ws.listHistory(5000);
    expect(list).toHaveLength(1000);
    expect(list[0].name).toBe('n1004');
    expect(list[999].name).toBe('n5');
  });

  it('does not keep huge bodies in history', () => {
    const big = okResult();
    big.response!.body = { kind: 'text', text: 'x'.repeat(2_000_001) };
    big.response!.size.body = 2_000_001;
    const e = ws.addHistory({ requestId: null, name: 'big', request: defaultRequest({ url: 'https://x/' }), result: big });
    const got = ws.getHistory(e.id);
    expect(got.result.response!.body).toEqual({ kind: 'empty' });
    expect(got.result.response!.bodyWarning).toMatch(/too large to keep in history/);
    expect(e.size).toBe(2_000_001);
  });

  it('reports a damaged history row by name', () => {
    const e = ws.addHistory({ requestId: null, name: 'Get thing', request: defaultRequest({ url: 'https://x/' }), result: okResult() });
    const db = (ws as unknown as { db: Database.Database }).db;
    db.prepare('UPDATE history SET result_json = ? WHERE id = ?').run('{"sendId": 5}', e.id);
    expectAppError(() => ws.getHistory(e.id), 'INTERNAL', /History entry "Get thing".*damaged/);
    expect(ws.listHistory(5)).toHaveLength(1);
  });
});

describe('kv and files', () => {
  it('keeps small values by key', () => {
    expect(ws.getKv('oauth')).toBeNull();
    ws.setKv('oauth', 'a');
    ws.setKv('oauth', 'b');
    ws.setKv('', '');
    expect(ws.getKv('oauth')).toBe('b');
    expect(ws.getKv('')).toBe('');
  });

  it('stores files inside the files folder whatever their name', () => {
    const filesDir = path.join(dir, 'files');
    const names = ['photo.png', '../../etc/passwd', 'a/b', 'evil\u0000.txt', '..', '', 'C:\\Windows\\x.dll', '.hidden'];
    for (const name of names) {
      const stored = ws.storeFile(name, Buffer.from(`bytes of ${name}`));
      expect(path.dirname(stored.path)).toBe(filesDir);
      expect(path.basename(stored.path)).toMatch(/^[0-9a-f-]{36}-/);
      expect(stored.name).not.toMatch(/[/\\\u0000]/);
      expect(stored.name.startsWith('.')).toBe(false);
      expect(stored.size).toBe(Buffer.byteLength(`bytes of ${name}`));
      expect(fs.readFileSync(stored.path, 'utf8')).toBe(`bytes of ${name}`);
    }
    expect(ws.storeFile('../../etc/passwd', Buffer.alloc(0)).name).toBe('passwd');
    expect(ws.storeFile('a/b', Buffer.alloc(0)).name).toBe('b');
    expect(ws.storeFile('evil\u0000.txt', Buffer.alloc(0)).name).toBe('evil.txt');
    expect(fs.readdirSync(dir).sort()).toEqual(['files', WORKSPACE_FILE, `${WORKSPACE_FILE}-shm`, `${WORKSPACE_FILE}-wal`].sort());
  });
});
