import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { appliedMigrations, migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openWorkspace, WORKSPACE_FILE } from './workspace.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-migrate-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded migrations', () => {
  it('are exactly the .sql files, in order (run generate.mjs after changing one)', () => {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => ({ id: f.slice(0, -4), sql: fs.readFileSync(path.join(migrationsDir, f), 'utf8') }));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(migrations.map((m) => m.id)).toEqual(files.map((f) => f.id));
    for (const [i, m] of migrations.entries()) expect(m.sql, `${m.id} is stale in migrations/index.ts`).toBe(files[i].sql);
    for (const f of files) expect(f.id).toMatch(/^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+$/);
  });
});

describe('migrate', () => {
  it('applies each migration once and records it', () => {
    const db = new Database(path.join(dir, 'a.sqlite'));
    try {
      expect(migrate(db)).toEqual(migrations.map((m) => m.id));
      expect(migrate(db)).toEqual([]);
      expect(appliedMigrations(db)).toEqual(migrations.map((m) => m.id));
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back whole and says which one failed', () => {
    const db = new Database(path.join(dir, 'b.sqlite'));
    try {
      const broken = [
        migrations[0],
        { id: '2026-11-24-900-broken', sql: 'CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);' },
      ];
      let caught: unknown;
      try {
        migrate(db, broken);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).message).toMatch(/2026-11-24-900-broken failed and was rolled back: no such table: no_such_table/);
      expect(appliedMigrations(db)).toEqual([migrations[0].id]);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('upgrading a workspace written by the first migration only', () => {
  it('keeps its rows and applies the later migrations', () => {
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const file = path.join(home, WORKSPACE_FILE);
    // A store file as the first release wrote it: schema 001, rows inserted as that schema had them.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old, [migrations[0]]);
    const now = '2026-11-24T10:00:00.000Z';
    const insertItem = old.prepare(
      `INSERT INTO items (id, parent_id, collection_id, kind, name, sort, description, method, url,
         request_json, auth_json, variables_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertItem.run('c1', null, 'c1', 'collection', 'Legacy API', 1, 'old', null, null, null, '{"type":"none"}', '[{"key":"base","value":"https://legacy.example","enabled":true,"secret":false}]', now, now);
    insertItem.run('f1', 'c1', 'c1', 'folder', 'Accounts', 1, '', null, null, null, '{"type":"inherit"}', null, now, now);
    insertItem.run(
      'r1', 'f1', 'c1', 'request', 'Fetch account', 1, '', 'GET', '{{base}}/accounts/{{id}}',
      '{"method":"GET","url":"{{base}}/accounts/{{id}}","params":[],"headers":[],"body":{"mode":"none"},"auth":{"type":"inherit"},"settings":{"timeoutMs":30000,"followRedirects":true,"maxRedirects":10,"verifyTls":true}}',
      null, null, now, now,
    );
    // A row from an older writer that left optional fields out: the schema defaults fill them.
    insertItem.run('r2', 'f1', 'c1', 'request', 'Close account', 2, '', 'DELETE', '{{base}}/accounts/1', '{"method":"DELETE","url":"{{base}}/accounts/1"}', null, null, now, now);
    old.prepare('INSERT INTO environments (id, name, variables_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      'e1', 'Staging', '[{"key":"id","value":"7","enabled":true,"secret":false}]', now, now,
    );
    old.prepare('INSERT INTO documents (key, json, updated_at) VALUES (?, ?, ?)').run('settings', '{"theme":"dark","activeEnvironmentId":"e1"}', now);
    old.prepare('INSERT INTO documents (key, json, updated_at) VALUES (?, ?, ?)').run('globals', '[{"key":"g","value":"1","enabled":true,"secret":false}]', now);
    old.prepare(
      `INSERT INTO history (id, request_id, name, method, url, status, error, duration_ms, size, sent_at, request_json, result_json)
       VALUES ('h1', 'r1', 'Fetch account', 'GET', 'https://legacy.example/accounts/7', 200, NULL, 12, 3, ?, ?, ?)`,
    ).run(now, '{"method":"GET","url":"{{base}}/accounts/{{id}}"}', '{"sendId":"s","unresolved":[]}');
    old.prepare("INSERT INTO kv (key, value) VALUES ('cookies', 'jar')").run();
    expect(appliedMigrations(old)).toEqual([migrations[0].id]);
    old.close();

    const ws = openWorkspace(home);
    try {
      const raw = new Database(file, { readonly: true });
      try {
        expect(raw.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(migrations.map((m) => m.id));
        expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'items_search'").pluck().get()).toBe(1);
      } finally {
        raw.close();
      }
      expect(ws.tree().map((n) => [n.id, n.name])).toEqual([
        ['c1', 'Legacy API'],
        ['f1', 'Accounts'],
        ['r1', 'Fetch account'],
        ['r2', 'Close account'],
      ]);
      expect(ws.getItem('c1')).toMatchObject({ description: 'old', auth: { type: 'none' }, variables: [{ key: 'base' }] });
      expect(ws.getItem('r1').request).toMatchObject({ method: 'GET', url: '{{base}}/accounts/{{id}}' });
      expect(ws.getItem('r2').request).toMatchObject({ method: 'DELETE', params: [], body: { mode: 'none' }, settings: { timeoutMs: 30000 } });
      expect(ws.ancestors('r1').map((i) => i.id)).toEqual(['f1', 'c1']);
      expect(ws.getEnvironment('e1').variables).toEqual([{ key: 'id', value: '7', enabled: true, secret: false }]);
      expect(ws.getSettings()).toMatchObject({ theme: 'dark', activeEnvironmentId: 'e1' });
      expect(ws.getGlobals()).toEqual([{ key: 'g', value: '1', enabled: true, secret: false }]);
      expect(ws.listHistory(10).map((h) => h.id)).toEqual(['h1']);
      expect(ws.getHistory('h1').request.url).toBe('{{base}}/accounts/{{id}}');
      expect(ws.getKv('cookies')).toBe('jar');
      // The search index of migration 002 was filled from the rows already there...
      expect(ws.search('accounts', 10).map((h) => h.id)).toEqual(['f1', 'r2', 'r1']);
      expect(ws.search('delete', 10)).toMatchObject([{ id: 'r2', path: ['Legacy API', 'Accounts'] }]);
      // ...and keeps up with changes made after the upgrade.
      ws.createItem({ kind: 'request', parentId: 'f1', name: 'Open account' });
      ws.deleteItem('r2');
      expect(ws.search('account', 10).map((h) => h.name)).toEqual(['Accounts', 'Open account', 'Fetch account']);
    } finally {
      ws.close();
    }
  });
});
