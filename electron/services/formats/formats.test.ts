// Import into and export from a real workspace: one transaction per import, formats not yet
// supported say so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { exportCollection, IMPORT_FORMATS, importFile } from './index.js';
import { IMPORTERS } from './importers.js';
import { loadCollectionTree } from './item-tree.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/postman');
let dir: string;
let ws: Workspace;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-formats-'));
  ws = openWorkspace(path.join(dir, 'home'));
});
afterEach(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).message;
  }
  throw new Error('expected an error');
};

describe('importFile', () => {
  it('creates the collection with its tree, scripts and preserved fields, and reports it', () => {
    const outcome = importFile(ws, path.join(fixtures, 'kitchen-sink.postman_collection.json'));
    expect(outcome.created).toEqual([{ kind: 'collection', id: expect.any(String), name: 'Kitchen sink', folders: 2, requests: 7 }]);
    expect(outcome.warnings).toHaveLength(1);
    const id = outcome.created[0].id!;
    const tree = loadCollectionTree(ws, id);
    expect(tree.children.map((c) => c.name)).toEqual(['Accounts', 'Form', 'Upload', 'Binary', 'GraphQL', 'Untitled request']);
    expect(tree.scripts.test).toBe("pm.test('collection test', () => {});");
    expect(tree.children[0].auth).toMatchObject({ type: 'basic' });
    // Stored and read back, the untouched collection still exports as the original file.
    const original = JSON.parse(fs.readFileSync(path.join(fixtures, 'kitchen-sink.postman_collection.json'), 'utf8'));
    const exported = exportCollection(ws, id);
    expect(JSON.parse(exported.text)).toEqual({ ...original, info: { ...original.info } });
    expect(exported.fileName).toBe('Kitchen sink.postman_collection.json');
  });

  it('an edit in the workspace shows in the export', () => {
    const { created } = importFile(ws, path.join(fixtures, 'v2.0.postman_collection.json'));
    const echo = ws.tree().find((n) => n.name === 'Echo')!;
    ws.updateItem({ id: echo.id, scripts: { test: 'pm.test("edited", () => {});' } });
    const out = JSON.parse(exportCollection(ws, created[0].id!).text);
    expect(out.item[0].event).toEqual([{ listen: 'test', script: { type: 'text/javascript', exec: ['pm.test("edited", () => {});'] } }]);
  });

  it('imports environments and merges globals', () => {
    expect(importFile(ws, path.join(fixtures, 'staging.postman_environment.json')).created).toEqual([
      { kind: 'environment', id: expect.any(String), name: 'Staging', variables: 3 },
    ]);
    expect(ws.listEnvironments()[0].preserved).toMatchObject({ postman: { _postman_variable_scope: 'environment' } });
    ws.setGlobals([
      { key: 'keep', value: 'k', enabled: true, secret: false },
      { key: 'g1', value: 'old', enabled: true, secret: false },
    ]);
    expect(importFile(ws, path.join(fixtures, 'workspace.postman_globals.json')).created).toEqual([{ kind: 'globals', name: 'Globals', variables: 1 }]);
    expect(ws.getGlobals().map((v) => [v.key, v.value])).toEqual([
      ['keep', 'k'],
      ['g1', 'one'],
    ]);
  });

  it('saves nothing when any item fails', () => {
    const file = path.join(dir, 'bad.json');
    const collection = JSON.parse(fs.readFileSync(path.join(fixtures, 'kitchen-sink.postman_collection.json'), 'utf8'));
    collection.item.push({ name: 'Too long', description: 'x'.repeat(1_000_001), item: [] });
    fs.writeFileSync(file, JSON.stringify(collection));
    expect(message(() => importFile(ws, file))).toMatch(/description can be at most/);
    expect(ws.tree()).toEqual([]);
  });

  it('says what is wrong with the file', () => {
    expect(message(() => importFile(ws, path.join(dir, 'missing.json')))).toBe(`${path.join(dir, 'missing.json')}: no such file`);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"info": ');
    expect(message(() => importFile(ws, broken))).toMatch(/broken.json: not valid JSON/);
    fs.writeFileSync(broken, '{"hello": "world"}');
    expect(message(() => importFile(ws, broken))).toMatch(/could not tell its format; this version imports OpenAPI 3.0\/3.1 and Swagger 2.0 \(JSON or YAML\); Postman files \(collections, environments, globals\); HAR files; /);
  });

  it('formats of later versions say they are not supported yet; unknown ones are named', () => {
    const file = path.join(fixtures, 'v2.0.postman_collection.json');
    expect(message(() => importFile(ws, file, 'yaml'))).toBe('Unknown format "yaml": Courier imports postman, openapi, curl, har, insomnia');
    const ids = IMPORTERS.map((i) => i.id).join(', ');
    for (const missing of IMPORT_FORMATS.filter((f) => !IMPORTERS.some((i) => i.id === f))) {
      expect(message(() => importFile(ws, file, missing))).toBe(`The format ${missing} is not supported yet: this version imports ${ids}`);
    }
    const { created } = importFile(ws, file, 'postman');
    expect(message(() => exportCollection(ws, created[0].id!, 'yaml'))).toMatch(/^Unknown format "yaml": Courier exports postman, openapi, markdown, html/);
  });
});
