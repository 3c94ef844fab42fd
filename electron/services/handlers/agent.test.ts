// The Agent Mode channels through the real dispatcher, every agent.event checked against the
// contract's schema: Settings → AI (the key only masked), /test on a request to the test server
// (tests written, run in the real script sandbox, passing), conversations kept with history and
// feedback, undo through the channel, bad input refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../../shared/contract-agent.js';
import { events as eventSchemas, type RpcReply } from '../../../shared/contract.js';
import { defaultRequest } from '../../../shared/model.js';
import { lastToolResult, startModelServer, type ModelServer } from '../../../test/support/model-server.js';
import { startTestServer, type TestServer } from '../../../test/support/test-server.js';
import { EventBus } from '../events.js';
import { createHttpEngine, type HttpEngine } from '../http/engine.js';
import { dispatch } from '../rpc/dispatch.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { createHandlers } from './index.js';

let api: TestServer;
let model: ModelServer;
let dir: string;
let ws: Workspace;
let engine: HttpEngine;
let agentEvents: AgentEvent[];
let call: (channel: string, input: unknown) => Promise<RpcReply>;

beforeAll(async () => {
  [api, model] = await Promise.all([startTestServer(), startModelServer()]);
});
afterAll(async () => {
  await api.close();
  await model.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-agent-handlers-'));
  ws = openWorkspace(dir);
  engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
  const bus = new EventBus();
  agentEvents = [];
  bus.subscribe((name, payload) => {
    if (name === 'agent.event') agentEvents.push(eventSchemas['agent.event'].parse(payload)); // every event fits the contract
  });
  const handlers = createHandlers({ workspace: ws, engine, events: bus, host: 'web', version: 'test' });
  call = (channel, input) => dispatch(handlers, channel, input);
});
afterEach(async () => {
  await engine.close();
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const value = async <T = Record<string, unknown>>(reply: Promise<RpcReply>): Promise<T> => {
  const r = await reply;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

async function untilDone(turnId: string): Promise<AgentEvent> {
  for (;;) {
    const end = agentEvents.find((e) => e.turnId === turnId && (e.type === 'turn.done' || e.type === 'turn.error'));
    if (end) return end;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function configure() {
  await value(call('ai.settings.update', { provider: 'compatible', baseUrl: model.url, model: 'scripted-model' }));
  return value<{ keyMasked: string }>(call('ai.setKey', { key: 'sk-handler-key-abcdef0123' }));
}

describe('agent channels', () => {
  it('Settings → AI: defaults, presets applied by base URL, the key only masked', async () => {
    const defaults = await value(call('ai.settings.get', {}));
    expect(defaults).toMatchObject({ enabled: true, provider: 'openai', keyMasked: null, approval: { unsafeSends: 'ask', unknownHosts: 'ask', deletes: 'ask' } });
    expect(await configure()).toEqual({ keyMasked: 'sk-h…0123' });
    const view = await value(call('ai.settings.get', {}));
    expect(view).toMatchObject({ provider: 'compatible', baseUrl: model.url, keyMasked: 'sk-h…0123' });
    expect(JSON.stringify(view)).not.toContain('sk-handler-key-abcdef0123');
    // A patch of one rule keeps the rest of the policy (the hosts always allowed among them).
    await value(call('ai.settings.update', { approval: { allowedHosts: ['api.test'] } }));
    expect(await value(call('ai.settings.update', { approval: { deletes: 'allow' }, azure: { deployment: 'gpt' } }))).toMatchObject({
      approval: { unsafeSends: 'ask', deletes: 'allow', allowedHosts: ['api.test'] },
      azure: { endpoint: '', deployment: 'gpt', apiVersion: '2024-10-21' },
    });
    const refused = await call('ai.settings.update', { keyMasked: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    model.push({ kind: 'text', text: 'pong' });
    expect(await value(call('ai.testConnection', {}))).toMatchObject({ ok: true, problem: null });
  });

  it('/test writes tests for the active request from its last response, runs them in the sandbox, and they pass', async () => {
    await configure();
    // An environment names the test server, so a GET there needs no approval (DESIGN.md §7).
    ws.updateSettings({ activeEnvironmentId: ws.createEnvironment({ name: 'Local', variables: [{ key: 'baseUrl', value: api.url, enabled: true, secret: false }] }).id });
    const collection = ws.createItem({ kind: 'collection', parentId: null, name: 'Shop' });
    const request = ws.createItem({ kind: 'request', parentId: collection.id, name: 'Item 7', request: defaultRequest({ url: `${api.url}/items/7` }) });
    const script = [
      'pm.test("status is 200", () => pm.response.to.have.status(200));',
      'pm.test("the item has its id and name", () => {',
      '  const item = pm.response.json();',
      '  pm.expect(item.id).to.eql(7);',
      '  pm.expect(item.name).to.eql("item 7");',
      '});',
    ].join('\n');
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'get_last_response', arguments: {} }] },
      { kind: 'tool_calls', calls: [{ name: 'write_tests', arguments: { id: request.id, script } }] },
      { kind: 'tool_calls', calls: [{ name: 'run_tests', arguments: { id: request.id } }] },
      (req) => ({ kind: 'text', text: `Tests: ${JSON.stringify(lastToolResult(req).passed)} passed` }),
    );
    const sent = await value<{ turnId: string; conversationId: string }>(call('http.send', { sendId: 's1', requestId: request.id, request: ws.getItem(request.id).request }));
    const { turnId, conversationId } = await value<{ turnId: string; conversationId: string }>(
      call('agent.send', { conversationId: null, message: '/test', activeTab: { requestId: request.id, lastResponse: sent }, mentions: [] }),
    );
    const end = await untilDone(turnId);
    expect(agentEvents.some((e) => e.type === 'approval.request')).toBe(false);
    expect(end).toMatchObject({ type: 'turn.done', status: 'completed', answer: 'Tests: 2 passed' });
    const firstRequest = model.requests.at(-4)!.body!;
    expect(firstRequest.messages[0].content).toContain('The user started the skill /test');
    expect(firstRequest.messages[1].content).toContain('\\"name\\":\\"item 7\\"'); // the last response's body is in the context
    expect(ws.getItem(request.id).scripts.test).toBe(script);
    expect(lastToolResult(model.requests.at(-1)!.body!)).toMatchObject({
      passed: 2,
      failed: 0,
      requests: [{ name: 'Item 7', status: 200, tests: [{ name: 'status is 200', passed: true }, { name: 'the item has its id and name', passed: true }] }],
    });
    const conversation = await value<{ turnList: { skill: string; steps: { tool: string; status: string }[] }[] }>(call('agent.conversations.get', { id: conversationId }));
    expect(conversation.turnList[0].skill).toBe('test');
    expect(conversation.turnList[0].steps.map((s) => `${s.tool}:${s.status}`)).toEqual(['get_last_response:ok', 'write_tests:ok', 'run_tests:ok']);
  });

  it('keeps conversations: the next turn sees the earlier one; list, feedback, undo and delete', async () => {
    await configure();
    model.push({ kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'Remember me' } }] }, { kind: 'text', text: 'Created Remember me.' });
    const first = await value<{ turnId: string; conversationId: string }>(call('agent.send', { conversationId: null, message: 'Create a collection called Remember me' }));
    await untilDone(first.turnId);
    model.push({ kind: 'text', text: 'You asked for Remember me.' });
    const second = await value<{ turnId: string; conversationId: string }>(call('agent.send', { conversationId: first.conversationId, message: 'What did I ask?' }));
    await untilDone(second.turnId);
    expect(second.conversationId).toBe(first.conversationId);
    const messages = model.requests.at(-1)!.body!.messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'system', 'user', 'assistant', 'tool', 'assistant', 'user']);
    expect(messages[2].content).toBe('Create a collection called Remember me');

    const list = await value<{ conversations: { id: string; title: string; turns: number }[] }>(call('agent.conversations.list', {}));
    expect(list.conversations).toEqual([expect.objectContaining({ id: first.conversationId, title: 'Create a collection called Remember me', turns: 2 })]);
    await value(call('agent.feedback', { turnId: second.turnId, rating: 'up' }));
    expect(await value(call('agent.undoTurn', { turnId: first.turnId }))).toEqual({ restored: 0, removed: 1 });
    expect(ws.tree()).toEqual([]);
    const got = await value<{ turnList: { feedback: string | null; undoneAt: string | null }[] }>(call('agent.conversations.get', { id: first.conversationId }));
    expect(got.turnList.map((t) => [t.feedback, t.undoneAt !== null])).toEqual([[null, true], ['up', false]]);
    expect(await call('agent.undoTurn', { turnId: first.turnId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await value(call('agent.conversations.delete', { id: first.conversationId }));
    expect(await value(call('agent.conversations.list', {}))).toEqual({ conversations: [] });
    expect(await call('agent.conversations.get', { id: first.conversationId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a turn with AI off, an unknown conversation, and answers false for unknown ids', async () => {
    await configure();
    await value(call('ai.settings.update', { enabled: false }));
    expect(await call('agent.send', { conversationId: null, message: 'hi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'AI is turned off in Settings → AI.' } });
    await value(call('ai.settings.update', { enabled: true }));
    expect(await call('agent.send', { conversationId: 'nope', message: 'hi' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('agent.send', { conversationId: null, message: '   ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await value(call('agent.cancel', { turnId: 'nope' }))).toEqual({ cancelled: false });
    expect(await value(call('agent.approve', { approvalId: 'nope', decision: 'approve' }))).toEqual({ resolved: false });
  });
});
