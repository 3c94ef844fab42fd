// For the OpenAPI tests: a real workspace in a temp folder per test, and an import into it the way
// the app, the CLI and the agent's tool do it (parse and build, then save in one transaction).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workspace } from '../../store/workspace.js';
import { saveCollectionTree } from '../item-tree.js';
import { useTempWorkspace as useWorkspaceEachTest } from '../test-workspace.js';
import { importOpenApiText } from './index.js';

/** The spec files of the tests: test/fixtures/openapi. */
export const OPENAPI_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/openapi');

export const readFixture = (name: string): string => fs.readFileSync(path.join(OPENAPI_FIXTURES, name), 'utf8');

/** A fresh workspace for each test of the calling suite (../test-workspace.ts); call the returned function to reach it. */
export function useTempWorkspace(): (() => Workspace) & { home: () => string } {
  const temp = useWorkspaceEachTest();
  return Object.assign(() => temp.ws(), { home: () => path.join(temp.dir(), 'home') });
}

export function importIntoWorkspace(ws: Workspace, text: string, name: string): { id: string; warnings: string[] } {
  const { root, warnings } = importOpenApiText(text, name);
  return { id: saveCollectionTree(ws, root).id, warnings };
}
