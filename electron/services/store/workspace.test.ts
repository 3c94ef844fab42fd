// Opening a workspace (openWorkspace) and what the store exports.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as storeIndex from './index.js';
import { migrations } from './migrations/index.js';
import { openWorkspace, WORKSPACE_FILE } from './workspace.js';
import * as workspaceModule from './workspace.js';
import { collection, dir, expectAppError, folder, okResult, open, reopen, request, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

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
      expect(ids).toEqual(migrations.map((m) => m.id)); // every embedded migration, in order
      expect(ids.slice(0, 3)).toEqual(['2026-11-24-001-initial', '2026-11-24-002-search-index', '2026-11-24-003-scripts-and-preserved']);
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

describe('exports', () => {
  it('keeps the names other code imports from workspace.js and index.js', () => {
    expect(workspaceModule).toMatchObject({
      WORKSPACE_FILE: 'workspace.sqlite',
      FILES_FOLDER: 'files',
      HISTORY_LIMIT: 1000,
      HISTORY_BODY_LIMIT: 2_000_000,
      NAME_MAX: 500,
      ENVIRONMENT_NAME_MAX: 200,
      DESCRIPTION_MAX: 1_000_000,
    });
    expect(typeof workspaceModule.openWorkspace).toBe('function');
    expect(typeof workspaceModule.Workspace).toBe('function');
    expect(storeIndex).toMatchObject({
      openWorkspace: workspaceModule.openWorkspace,
      Workspace: workspaceModule.Workspace,
      WORKSPACE_FILE: 'workspace.sqlite',
      FILES_FOLDER: 'files',
      HISTORY_LIMIT: 1000,
      HISTORY_BODY_LIMIT: 2_000_000,
    });
    for (const name of ['sanitizeFileName', 'childPath', 'migrate', 'appliedMigrations'] as const) {
      expect(typeof storeIndex[name]).toBe('function');
    }
    expect(ws).toBeInstanceOf(storeIndex.Workspace);
  });
});
