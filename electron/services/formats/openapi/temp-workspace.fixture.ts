// For the OpenAPI tests: a real workspace in a temp folder per test, and an import into it the way
// the app, the CLI and the agent's tool do it (parse and build, then save in one transaction).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../store/workspace.js';
import { saveCollectionTree } from '../item-tree.js';
import { importOpenApiText } from './index.js';

/** The spec files of the tests: test/fixtures/openapi. */
export const OPENAPI_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/openapi');

export const readFixture = (name: string): string => fs.readFileSync(path.join(OPENAPI_FIXTURES, name), 'utf8');

/** A fresh workspace for each test of the calling suite; call the returned function to reach it. */
export function useTempWorkspace(): (() => Workspace) & { home: () => string } {
  let dir = '';
  let ws: Workspace | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-openapi-'));
    ws = openWorkspace(path.join(dir, 'home'));
  });
  afterEach(() => {
    ws?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const get = () => {
    if (!ws) throw new Error('the workspace is opened before each test');
    return ws;
  };
  return Object.assign(get, { home: () => path.join(dir, 'home') });
}

export function importIntoWorkspace(ws: Workspace, text: string, name: string): { id: string; warnings: string[] } {
  const { root, warnings } = importOpenApiText(text, name);
  return { id: saveCollectionTree(ws, root).id, warnings };
}
