// A workspace file written before specs existed (schema 006, with a collection, a request and a
// saved example) opens in this version: migration 007 adds the specs, and a spec can be created,
// generate its collection, link to a collection that was already there and be unlinked when that
// collection is deleted, while the old rows stay as they were.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateCollectionFromSpec, specDrift } from '../specs/index.js';
import { PETS } from '../specs/link.fixture.js';
import { appliedMigrations, migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openWorkspace, WORKSPACE_FILE } from './workspace.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-specs-migrate-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('upgrades a schema-006 workspace with data, and specs work in it', () => {
  const file = path.join(dir, WORKSPACE_FILE);
  const upTo006 = migrations.slice(0, migrations.findIndex((m) => m.id === '2026-11-24-006-examples') + 1);
  expect(upTo006.at(-1)!.id).toBe('2026-11-24-006-examples');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.pragma('foreign_keys = ON');
  migrate(old, upTo006);
  const now = '2026-11-24T10:00:00.000Z';
  const insertItem = old.prepare(
    `INSERT INTO items (id, parent_id, collection_id, kind, name, sort, description, method, url, request_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  );
  insertItem.run('c1', null, 'c1', 'collection', 'Legacy API', 1, null, null, null, now, now);
  insertItem.run('r1', 'c1', 'c1', 'request', 'Fetch account', 1, 'GET', 'https://legacy.example/a', '{"method":"GET","url":"https://legacy.example/a"}', now, now);
  old.prepare(`INSERT INTO examples (id, request_id, name, sort, status, status_text, headers_json, body, created_at) VALUES ('x1', 'r1', 'Found', 0, 200, 'OK', '[]', '{}', ?)`).run(now);
  expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'specs'").pluck().get()).toBe(0);
  old.close();

  const ws = openWorkspace(dir);
  try {
    expect(appliedMigrations(ws.sqlite)).toEqual(migrations.map((m) => m.id));
    expect(ws.listSpecs()).toEqual([]);
    expect(ws.getItem('r1').request!.url).toBe('https://legacy.example/a');
    expect(ws.listExamples('r1').map((e) => e.name)).toEqual(['Found']);

    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS });
    const { collectionId, requests } = generateCollectionFromSpec(ws, spec.id);
    expect(requests).toBe(4);
    expect(specDrift(ws, spec.id)).toMatchObject({ collectionId, added: [], changed: [], removed: [] });

    // Linked to the collection that was already there, then that collection is deleted: unlinked.
    ws.linkSpec(spec.id, 'c1', [{ key: 'GET /a', itemId: 'r1', snapshotJson: '{}' }]);
    ws.deleteItem('c1');
    expect(ws.getSpec(spec.id).collectionId).toBeNull();
    expect(ws.specOperations(spec.id)).toEqual([{ key: 'GET /a', itemId: null, snapshotJson: '{}' }]);
    expect(ws.getItem(collectionId).name).toBe('Pets');
  } finally {
    ws.close();
  }
});
