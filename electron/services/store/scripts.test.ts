// Scripts on items and the fields an import preserves (migration 003), through the Workspace facade.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { collection, dir, expectAppError, folder, request, reopen, useWorkspace, ws } from './workspace.fixture.js';
import { openWorkspace, WORKSPACE_FILE } from './workspace.js';

useWorkspace();

describe('scripts on items', () => {
  it('every kind starts with empty scripts', () => {
    const c = collection();
    const f = folder(c.id, 'F');
    const r = request(f.id, 'R');
    for (const item of [c, f, r]) expect(item.scripts).toEqual({ prerequest: '', test: '' });
  });

  it('are created, updated one at a time, kept across reopen and copied by duplicate', () => {
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'C', scripts: { prerequest: 'pm.variables.set("a", 1);' } });
    expect(c.scripts).toEqual({ prerequest: 'pm.variables.set("a", 1);', test: '' });
    const f = folder(c.id, 'F');
    const r = request(f.id, 'R');
    ws.updateItem({ id: f.id, scripts: { test: 'pm.test("folder", () => {});' } });
    ws.updateItem({ id: r.id, scripts: { prerequest: 'console.log(1)', test: 'pm.test("t", () => {})' } });
    // Only the script given changes.
    expect(ws.updateItem({ id: r.id, scripts: { test: '' } }).scripts).toEqual({ prerequest: 'console.log(1)', test: '' });
    reopen();
    expect(ws.getItem(f.id).scripts).toEqual({ prerequest: '', test: 'pm.test("folder", () => {});' });
    expect(ws.getItem(c.id).scripts.prerequest).toBe('pm.variables.set("a", 1);');
    const copy = ws.duplicateItem(f.id);
    expect(copy.scripts.test).toBe('pm.test("folder", () => {});');
    const copiedRequest = ws.tree().find((n) => n.parentId === copy.id)!;
    expect(ws.getItem(copiedRequest.id).scripts).toEqual({ prerequest: 'console.log(1)', test: '' });
  });

  it('refuses scripts that are not text', () => {
    const c = collection();
    expectAppError(() => ws.updateItem({ id: c.id, scripts: { test: 42 as unknown as string } }), 'BAD_INPUT', /scripts\.test/);
  });

  it('a damaged scripts column names the item', () => {
    const c = collection('Damaged');
    (ws as unknown as { db: Database.Database }).db.prepare('UPDATE items SET scripts_json = ? WHERE id = ?').run('{oops', c.id);
    expectAppError(() => ws.getItem(c.id), 'INTERNAL', /collection "Damaged".*its scripts.*not valid JSON/);
  });
});

describe('preserved fields', () => {
  it('are stored for items and environments as given, and copied by duplicate', () => {
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'C', preserved: { postman: { info: { _postman_id: 'x' } } } });
    expect(ws.getItem(c.id).preserved).toEqual({ postman: { info: { _postman_id: 'x' } } });
    expect(ws.duplicateItem(c.id).preserved).toEqual({ postman: { info: { _postman_id: 'x' } } });
    expect(request(c.id, 'R').preserved).toBeUndefined();
    const e = ws.createEnvironment({ name: 'E', preserved: { postman: { _postman_variable_scope: 'environment' } } });
    expect(ws.getEnvironment(e.id).preserved).toEqual({ postman: { _postman_variable_scope: 'environment' } });
    expect(ws.updateEnvironment({ id: e.id, name: 'E2' }).preserved).toEqual({ postman: { _postman_variable_scope: 'environment' } });
  });
});

describe('a workspace written before scripts existed (migrations 001–002)', () => {
  it('opens with empty scripts and nothing preserved, and takes scripts afterwards', () => {
    ws.close();
    const home = path.join(dir, 'old');
    fs.mkdirSync(home);
    const old = new Database(path.join(home, WORKSPACE_FILE));
    migrate(old, migrations.filter((m) => m.id < '2026-11-24-003'));
    const now = '2026-11-24T10:00:00.000Z';
    const insert = old.prepare(
      `INSERT INTO items (id, parent_id, collection_id, kind, name, sort, description, method, url,
         request_json, auth_json, variables_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('c1', null, 'c1', 'collection', 'Old', 1, null, null, null, '{"type":"none"}', '[]', now, now);
    insert.run('r1', 'c1', 'c1', 'request', 'Get', 1, 'GET', 'https://x.test', '{"method":"GET","url":"https://x.test"}', null, null, now, now);
    old.prepare('INSERT INTO environments (id, name, variables_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('e1', 'Env', '[]', now, now);
    old.close();

    const upgraded = openWorkspace(home);
    try {
      expect(upgraded.getItem('c1').scripts).toEqual({ prerequest: '', test: '' });
      expect(upgraded.getItem('r1')).toMatchObject({ scripts: { prerequest: '', test: '' }, request: { url: 'https://x.test' } });
      expect(upgraded.getItem('r1').preserved).toBeUndefined();
      expect(upgraded.getEnvironment('e1').preserved).toBeUndefined();
      expect(upgraded.updateItem({ id: 'r1', scripts: { test: 'pm.test("ok", () => {})' } }).scripts.test).toBe('pm.test("ok", () => {})');
    } finally {
      upgraded.close();
    }
  });
});
