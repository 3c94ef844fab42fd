// Test fixture for the workspace store's tests: a fresh workspace in a temporary folder for every
// test (call useWorkspace() once per test file), plus small builders and assertions they share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { defaultRequest, type SendResult } from '../../../shared/model.js';
import { openWorkspace, type Workspace } from './workspace.js';

// Live bindings: test files import these and see the workspace of the test that is running.
export let dir: string;
export let ws: Workspace;
/** Every workspace a test opened; all are closed after it. */
export const open: Workspace[] = [];

export function reopen(options?: { historyLimit?: number }): Workspace {
  ws.close();
  ws = openWorkspace(dir, options);
  open.push(ws);
  return ws;
}

/** Opens a new workspace in a new temporary folder before each test, and removes both after it. */
export function useWorkspace(): void {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-store-'));
    ws = openWorkspace(dir);
    open.push(ws);
  });

  afterEach(() => {
    for (const w of open.splice(0)) w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export function expectAppError(fn: () => unknown, code: AppError['code'], message?: RegExp): AppError {
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

export const collection = (name = 'API') => ws.createItem({ kind: 'collection', parentId: null, name });
export const folder = (parentId: string, name: string, index?: number) => ws.createItem({ kind: 'folder', parentId, name, index });
export const request = (parentId: string, name: string, url = 'https://example.com/', method = 'GET', index?: number) =>
  ws.createItem({ kind: 'request', parentId, name, index, request: defaultRequest({ method, url }) });

/** Names of the children of `parentId`, in tree order. */
export const children = (parentId: string | null) =>
  ws
    .tree()
    .filter((n) => n.parentId === parentId)
    .map((n) => n.name);
export function okResult(overrides: Partial<SendResult> = {}): SendResult {
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
