// The context a turn starts with: the outline within its budget (counts for what is left out), the
// active tab with a large body as shape + sample, @-mentions (a folder's requests with their URLs,
// an environment with secret values left out), and a mention that no longer exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../shared/model.js';
import { jsonSendResult } from '../../../test/support/send-result.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { buildContext } from './context-builder.js';

let dir: string;
let ws: Workspace;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-agent-context-'));
  ws = openWorkspace(dir);
});
afterEach(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function seed(requests: number) {
  return ws.transaction(() => {
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'Big API' });
    const f = ws.createItem({ kind: 'folder', parentId: c.id, name: 'Users' });
    const ids: string[] = [];
    for (let i = 0; i < requests; i++) ids.push(ws.createItem({ kind: 'request', parentId: f.id, name: `User ${i}`, request: defaultRequest({ url: `{{baseUrl}}/users/${i}` }) }).id);
    return { c, f, ids };
  });
}

const response = (text: string) => jsonSendResult(text, { status: 500, statusText: 'Internal Server Error', url: 'https://api.test/users' });

describe('buildContext', () => {
  it('keeps the outline within its budget and counts what it leaves out', () => {
    const { c, f } = seed(1000);
    const context = buildContext(ws, { mentions: [], environmentId: null }, { outline: 2000, activeTab: 1000, responseBody: 500, mentions: 1000 });
    expect(context).toContain(`- Big API (collection ${c.id}, 1000 requests)`);
    expect(context).toContain(`  - Users (folder ${f.id}, 1000 requests)`);
    expect(context).toMatch(/- … 9\d\d more requests/);
    const outline = context.slice(context.indexOf('## Workspace outline'));
    expect(outline.length).toBeLessThan(2300);
  });

  it('describes the active tab with a large body as shape and sample, and the @-mentions', () => {
    const { f, ids } = seed(3);
    const env = ws.createEnvironment({ name: 'Prod', variables: [{ key: 'baseUrl', value: 'https://api.test', enabled: true, secret: false }, { key: 'token', value: 'tok-SECRET-1', enabled: true, secret: true }] });
    const big = JSON.stringify({ users: Array.from({ length: 3000 }, (_, i) => ({ id: i, email: `u${i}@x.test` })) });
    const context = buildContext(ws, {
      activeTab: { requestId: ids[1], lastResponse: response(big) },
      mentions: [{ kind: 'folder', id: f.id }, { kind: 'environment', id: env.id }, { kind: 'request', id: 'gone' }],
      environmentId: env.id,
    });
    expect(context).toContain('Current environment: Prod.');
    expect(context).toContain(`Saved request "User 1" (request ${ids[1]}), in Big API / Users`);
    expect(context).toContain('"status":500');
    expect(context).toContain('array(3000) of');
    expect(context).not.toContain('u2999@x.test');
    expect(context).toContain(`  - GET {{baseUrl}}/users/2 "User 2" (request ${ids[2]})`);
    expect(context).toContain('  token = (secret)');
    expect(context).not.toContain('tok-SECRET-1');
    expect(context).toContain('@request gone: Item gone was not found');
  });

  it('says so when the workspace is empty', () => {
    expect(buildContext(ws, { mentions: [], environmentId: null })).toContain('The workspace has no collections yet.');
  });
});
