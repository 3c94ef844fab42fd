// Approval (DESIGN.md §7) and checkpoints: a POST to a host no environment names waits and is not
// sent when denied; "always allow for this host" is remembered; deletes wait; a GET to a host an
// environment names goes at once. Every turn can be undone, restoring exactly the rows before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../shared/model.js';
import { workspaceDb } from '../../electron/services/agent/store/db.js';
import type { Workspace } from '../../electron/services/store/workspace.js';
import { lastToolResult } from '../support/model-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { agentHarness, waitForEvent } from './harness.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api.close();
});

function seed(ws: Workspace, baseUrl: string) {
  const env = ws.createEnvironment({ name: 'Local', variables: [{ key: 'baseUrl', value: baseUrl, enabled: true, secret: false }] });
  ws.updateSettings({ activeEnvironmentId: env.id });
  const collection = ws.createItem({ kind: 'collection', parentId: null, name: 'Demo' });
  const folder = ws.createItem({ kind: 'folder', parentId: collection.id, name: 'Things' });
  const get = ws.createItem({ kind: 'request', parentId: folder.id, name: 'Get json', request: defaultRequest({ method: 'GET', url: '{{baseUrl}}/json' }) });
  return { env, collection, folder, get };
}

/** Every row of the asset tables, without the rowid (a restored row may get a new one). */
function dump(ws: Workspace) {
  const db = workspaceDb(ws);
  return {
    items: db.prepare('SELECT * FROM items ORDER BY id').all().map((r) => ({ ...(r as object), rid: undefined })),
    environments: db.prepare('SELECT * FROM environments ORDER BY id').all(),
    documents: db.prepare("SELECT * FROM documents WHERE key = 'globals'").all(),
  };
}

describe('approval', () => {
  it('a POST to a host no environment names waits; denied, it is not sent and the model is told', async () => {
    const unknownHost = api.url.replace('127.0.0.1', 'localhost');
    const h = await agentHarness([
      { kind: 'tool_calls', calls: [{ name: 'send_request', arguments: { request: { method: 'POST', url: `${unknownHost}/echo/denied`, body: { mode: 'raw', raw: '{}' } } } }] },
      { kind: 'text', text: 'OK, not sent.' },
    ]);
    seed(h.workspace, api.url);
    const started = h.agent.start({ conversationId: null, message: 'post it' });
    const request = await waitForEvent(h.events, (e) => e.type === 'approval.request');
    expect(request).toMatchObject({ tool: 'send_request', summary: `POST ${unknownHost}/echo/denied`, host: unknownHost.replace('http://', '') });
    expect(h.agent.approve(request.type === 'approval.request' ? request.approvalId : '', 'deny')).toBe(true);
    const summary = await started.done;
    expect(summary.status).toBe('completed');
    expect(api.hits('/echo/denied')).toBe(0);
    expect(String(lastToolResult(h.model.requests[1].body!).error)).toMatch(/denied/);
    expect(h.agent.conversation(summary.conversationId).turnList[0].steps[0]).toMatchObject({ tool: 'send_request', status: 'denied' });
  });

  it('approved, it is sent; "always allow for this host" is kept, and the next POST there goes without asking', async () => {
    const post = { kind: 'tool_calls' as const, calls: [{ name: 'send_request', arguments: { request: { method: 'POST', url: `${api.url}/echo/always` } } }] };
    const h = await agentHarness([post, { kind: 'text', text: 'sent' }, post, { kind: 'text', text: 'sent again' }]);
    const started = h.agent.start({ conversationId: null, message: 'post it' });
    const request = await waitForEvent(h.events, (e) => e.type === 'approval.request');
    h.agent.approve(request.type === 'approval.request' ? request.approvalId : '', 'always');
    await started.done;
    expect(api.hits('/echo/always')).toBe(1);
    expect(lastToolResult(h.model.requests[1].body!)).toMatchObject({ response: { status: 200 } });
    expect(h.agent.settingsView().approval.allowedHosts).toEqual([api.url.replace('http://', '')]);
    const second = await h.turn({ message: 'again' });
    expect(second.events.some((e) => e.type === 'approval.request')).toBe(false);
    expect(api.hits('/echo/always')).toBe(2);
  });

  it('a GET to a host an environment names goes at once, with the environment resolved', async () => {
    const h = await agentHarness([
      (req) => ({ kind: 'tool_calls', calls: [{ name: 'send_request', arguments: { id: /request ([\w-]+)\)/.exec(req.messages[1].content!)![1] } }] }),
      { kind: 'text', text: 'It answered 200.' },
    ]);
    seed(h.workspace, api.url);
    const before = api.hits('/json');
    const { events } = await h.turn({ message: 'send Get json' });
    expect(events.some((e) => e.type === 'approval.request')).toBe(false);
    expect(api.hits('/json')).toBe(before + 1);
    expect(lastToolResult(h.model.requests[1].body!)).toMatchObject({ line: `GET ${api.url}/json → 200 OK`, response: { status: 200 } });
    expect(h.workspace.listHistory(5)[0]).toMatchObject({ method: 'GET', status: 200 });
  });

  it('a delete waits; denied, the item stays; cancelling while waiting ends the turn', async () => {
    const h = await agentHarness([]);
    const { folder } = seed(h.workspace, api.url);
    h.model.push({ kind: 'tool_calls', calls: [{ name: 'delete_item', arguments: { id: folder.id } }] }, { kind: 'text', text: 'kept' });
    const started = h.agent.start({ conversationId: null, message: 'delete Things' });
    const request = await waitForEvent(h.events, (e) => e.type === 'approval.request' && e.turnId === started.turnId);
    expect(request).toMatchObject({ summary: 'Delete folder "Things"' });
    h.agent.approve(request.type === 'approval.request' ? request.approvalId : '', 'deny');
    await started.done;
    expect(h.workspace.getItem(folder.id).name).toBe('Things');

    h.model.push({ kind: 'tool_calls', calls: [{ name: 'delete_item', arguments: { id: folder.id } }] });
    const second = h.agent.start({ conversationId: null, message: 'delete Things' });
    await waitForEvent(h.events, (e) => e.type === 'approval.request' && e.turnId === second.turnId);
    h.agent.cancel(second.turnId);
    expect((await second.done).status).toBe('cancelled');
    expect(h.workspace.getItem(folder.id).name).toBe('Things');
  });
});

describe('/debug', () => {
  it('proposes its fix and applies it only when approved', async () => {
    const h = await agentHarness([]);
    const { get } = seed(h.workspace, api.url);
    const fix = { kind: 'tool_calls' as const, calls: [{ name: 'update_request', arguments: { id: get.id, url: '{{baseUrl}}/text' } }] };
    h.model.push(fix, { kind: 'text', text: 'Not applied.' });
    const denied = h.agent.start({ conversationId: null, message: '/debug' });
    const ask = await waitForEvent(h.events, (e) => e.type === 'approval.request' && e.turnId === denied.turnId);
    expect(ask).toMatchObject({ tool: 'update_request', reason: 'Applying the fix (update_request) needs your approval' });
    h.agent.approve(ask.type === 'approval.request' ? ask.approvalId : '', 'deny');
    await denied.done;
    expect(h.workspace.getItem(get.id).request!.url).toBe('{{baseUrl}}/json');

    h.model.push(fix, { kind: 'text', text: 'Fixed.' });
    const approved = h.agent.start({ conversationId: null, message: '/debug' });
    const again = await waitForEvent(h.events, (e) => e.type === 'approval.request' && e.turnId === approved.turnId);
    h.agent.approve(again.type === 'approval.request' ? again.approvalId : '', 'approve');
    await approved.done;
    expect(h.workspace.getItem(get.id).request!.url).toBe('{{baseUrl}}/text');
    // Without /debug, the same edit applies at once.
    h.model.push({ kind: 'tool_calls', calls: [{ name: 'update_request', arguments: { id: get.id, url: '{{baseUrl}}/xml' } }] }, { kind: 'text', text: 'ok' });
    const plain = await h.turn({ message: 'point it at /xml' });
    expect(plain.events.some((e) => e.type === 'approval.request')).toBe(false);
    expect(h.workspace.getItem(get.id).request!.url).toBe('{{baseUrl}}/xml');
  });
});

describe('undo turn', () => {
  it('restores exactly the state before the turn: edits, docs, variables, created and deleted items', async () => {
    const h = await agentHarness([], { deps: { autoApprove: 'all' } });
    const { collection, folder, get } = seed(h.workspace, api.url);
    h.workspace.setGlobals([{ key: 'g', value: 'one', enabled: true, secret: false }]);
    const before = dump(h.workspace);
    h.model.push(
      {
        kind: 'tool_calls',
        calls: [
          { name: 'update_request', arguments: { id: get.id, url: '{{baseUrl}}/text', method: 'POST', headers: [{ key: 'X-New', value: '1' }] } },
          { name: 'write_docs', arguments: { id: collection.id, markdown: '# Demo\nDocs.' } },
          { name: 'write_tests', arguments: { id: get.id, script: 'pm.test("ok", () => pm.response.to.have.status(200));' } },
          { name: 'set_variable', arguments: { scope: 'environment', key: 'baseUrl', value: 'http://changed.example' } },
          { name: 'set_variable', arguments: { scope: 'globals', key: 'g', value: 'two' } },
          { name: 'create_environment', arguments: { name: 'Staging', variables: [{ key: 'baseUrl', value: 'https://staging.example' }] } },
          { name: 'create_request', arguments: { parentId: folder.id, name: 'New one', url: '{{baseUrl}}/new' } },
        ],
      },
      { kind: 'tool_calls', calls: [{ name: 'delete_item', arguments: { id: folder.id } }] },
      { kind: 'text', text: 'Reworked everything.' },
    );
    const { summary, events } = await h.turn({ message: 'rework it' });
    expect(summary.status).toBe('completed');
    expect(() => h.workspace.getItem(folder.id)).toThrow(/not found/);
    expect(h.workspace.listEnvironments().map((e) => e.name)).toEqual(['Local', 'Staging']);
    const card = events.find((e) => e.type === 'turn.checkpoint');
    if (card?.type !== 'turn.checkpoint') throw new Error('no checkpoint card');
    expect(card.checkpoint.created.map((c) => c.name)).toEqual(['Staging']); // "New one" went with its folder
    expect(card.checkpoint.changed.map((c) => [c.name, c.action])).toEqual([
      ['Get json', 'deleted'],
      ['Demo', 'updated'],
      ['Local', 'updated'],
      ['Globals', 'updated'],
      ['Things', 'deleted'],
    ]);
    expect(card.checkpoint.changed[1].diff).toContain('+  "description": "# Demo\\nDocs."');

    const undone = h.agent.undoTurn(summary.turnId);
    expect(undone).toMatchObject({ restored: 5, removed: 2 }); // Staging, and "New one" put back with its folder then removed
    expect(dump(h.workspace)).toEqual(before);
    expect(h.workspace.search('Get json', 10).map((hit) => hit.id)).toEqual([get.id]); // the search index follows
    expect(() => h.agent.undoTurn(summary.turnId)).toThrow(/already undone/);
    expect(h.agent.conversation(summary.conversationId).turnList[0].undoneAt).not.toBeNull();
  });

  it('undoes newest first: an older turn waits until the later one that changed things is undone', async () => {
    const h = await agentHarness([
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'First' } }] },
      { kind: 'text', text: 'one' },
    ]);
    const first = await h.turn({ message: 'one' });
    h.model.push({ kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'Second' } }] }, { kind: 'text', text: 'two' });
    const second = await h.turn({ message: 'two', conversationId: first.summary.conversationId });
    expect(() => h.agent.undoTurn(first.summary.turnId)).toThrow(/later turn/);
    h.agent.undoTurn(second.summary.turnId);
    h.agent.undoTurn(first.summary.turnId);
    expect(h.workspace.tree()).toEqual([]);
  });
});
