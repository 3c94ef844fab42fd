// The agent loop through the real `openai` SDK over a real socket to the scripted model server:
// streamed text, tool calls acting on the workspace, malformed arguments repaired, 429 then
// success, cancel mid-stream, the step limit, a provider that is down, a bad key, an unknown model.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../electron/services/agent/key-store.js';
import type { AgentEvent } from '../../shared/contract-agent.js';
import { lastToolResult, startModelServer } from '../support/model-server.js';
import { startTestServer } from '../support/test-server.js';
import { agentHarness, waitForEvent } from './harness.js';

const types = (events: AgentEvent[]) => events.map((e) => e.type);

describe('agent loop', () => {
  it('streams the answer as text deltas and stores the turn with its model call', async () => {
    const h = await agentHarness([{ kind: 'text', text: 'Hello from the scripted model', usage: { prompt_tokens: 321, completion_tokens: 12 } }]);
    const { summary, events } = await h.turn({ message: 'Say hello' });
    expect(summary.status).toBe('completed');
    expect(summary.answer).toBe('Hello from the scripted model');
    const deltas = events.filter((e) => e.type === 'text.delta');
    expect(deltas.length).toBeGreaterThan(1); // streamed in pieces
    expect(deltas.map((e) => (e.type === 'text.delta' ? e.text : '')).join('')).toBe('Hello from the scripted model');
    expect(types(events)[0]).toBe('turn.start');
    expect(types(events).at(-1)).toBe('turn.done');
    const request = h.model.requests[0].body!;
    expect(request.stream).toBe(true);
    expect(request.stream_options?.include_usage).toBe(true);
    expect(request.model).toBe('scripted-model');
    expect(request.tools?.map((t) => t.function.name)).toEqual([
      'search_workspace', 'list_items', 'get_request', 'create_collection', 'create_folder', 'create_request', 'update_request',
      'delete_item', 'send_request', 'get_last_response', 'write_tests', 'run_tests', 'create_environment', 'set_variable',
      'write_docs', 'import_curl', 'import_openapi', 'write_spec', 'start_mock',
    ]);
    expect(h.model.requests[0].headers.authorization).toBe('Bearer sk-test-4f1c9a2b7e5d3c1a0b9e');
    const conversation = h.agent.conversation(summary.conversationId);
    expect(conversation.title).toBe('Say hello');
    expect(conversation.turnList[0]).toMatchObject({ status: 'completed', answer: 'Hello from the scripted model', calls: [{ inputTokens: 321, outputTokens: 12, assetWrite: false }] });
  });

  it('runs tool calls on the workspace: a collection with a request, ids passed between calls', async () => {
    const h = await agentHarness([
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'Users API' } }] },
      (req) => ({ kind: 'tool_calls', calls: [{ name: 'create_request', arguments: { parentId: lastToolResult(req).id, name: 'List users', method: 'GET', url: '{{baseUrl}}/users' } }] }),
      { kind: 'text', text: 'Created the collection with one request.' },
    ]);
    const { summary, events } = await h.turn({ message: 'Make a users collection' });
    expect(summary.status).toBe('completed');
    const tree = h.workspace.tree();
    const collection = tree.find((n) => n.kind === 'collection')!;
    expect(collection.name).toBe('Users API');
    const request = tree.find((n) => n.kind === 'request')!;
    expect(request.parentId).toBe(collection.id);
    expect(h.workspace.getItem(request.id).request).toMatchObject({ method: 'GET', url: '{{baseUrl}}/users' });
    // The model got the new ids back as tool results.
    expect(lastToolResult(h.model.requests[1].body!)).toMatchObject({ id: collection.id, name: 'Users API' });
    expect(lastToolResult(h.model.requests[2].body!)).toMatchObject({ id: request.id });
    const steps = events.filter((e) => e.type === 'tool.end').map((e) => (e.type === 'tool.end' ? e.step : null));
    expect(steps.map((s) => [s!.tool, s!.status])).toEqual([['create_collection', 'ok'], ['create_request', 'ok']]);
    const checkpoint = events.find((e) => e.type === 'turn.checkpoint');
    expect(checkpoint?.type === 'turn.checkpoint' && checkpoint.checkpoint.created.map((c) => c.name)).toEqual(['Users API', 'List users']);
    // Each model call whose tool calls wrote an asset is marked; the answering call is not.
    expect(h.agent.conversation(summary.conversationId).turnList[0].calls.map((c) => c.assetWrite)).toEqual([true, true, false]);
  });

  it('sends a malformed call back to the model as an error it repairs', async () => {
    const h = await agentHarness([
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: '{"name": "Broken' }] },
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { title: 'wrong field' } }] },
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'Fixed' } }] },
      { kind: 'text', text: 'Done.' },
    ]);
    const { summary } = await h.turn({ message: 'Make a collection' });
    expect(summary.status).toBe('completed');
    expect(h.workspace.tree().map((n) => n.name)).toEqual(['Fixed']);
    expect(String(lastToolResult(h.model.requests[1].body!).error)).toMatch(/not valid JSON/);
    expect(String(lastToolResult(h.model.requests[2].body!).error)).toMatch(/name/);
  });

  it('stops a model that keeps sending invalid calls, with a clear error and nothing written', async () => {
    const bad = { kind: 'tool_calls' as const, calls: [{ name: 'no_such_tool', arguments: {} }] };
    const h = await agentHarness([bad, bad, bad, bad, { kind: 'text', text: 'never reached' }]);
    const { summary, events } = await h.turn({ message: 'Do something' });
    expect(summary.status).toBe('failed');
    expect(summary.problem).toBe('bad_output');
    expect(summary.error).toMatch(/4 invalid tool calls/);
    expect(events.at(-1)).toMatchObject({ type: 'turn.error', problem: 'bad_output' });
    expect(h.model.remaining()).toBe(1);
    expect(String(lastToolResult(h.model.requests[1].body!).error)).toMatch(/no tool named "no_such_tool"/);
  });

  it('retries a 429, honouring Retry-After, then succeeds; a 500 is retried too', async () => {
    const h = await agentHarness([
      { kind: 'error', status: 429, headers: { 'retry-after-ms': '20', 'retry-after': '1' } },
      { kind: 'error', status: 500 },
      { kind: 'text', text: 'Third time lucky' },
    ]);
    const { summary } = await h.turn({ message: 'hi' });
    expect(summary).toMatchObject({ status: 'completed', answer: 'Third time lucky' });
    expect(h.model.requests).toHaveLength(3);
    expect(h.agent.conversation(summary.conversationId).turnList[0].calls).toHaveLength(1);
  });

  it('gives up after the bounded retries with a rate-limit error that costs nothing', async () => {
    const limited = { kind: 'error' as const, status: 429, headers: { 'retry-after-ms': '5' } };
    const h = await agentHarness([limited, limited, limited, limited]);
    const { summary } = await h.turn({ message: 'hi' });
    expect(summary).toMatchObject({ status: 'failed', problem: 'rate_limited' });
    expect(h.model.requests).toHaveLength(3); // the first try and 2 retries
    expect(h.agent.conversation(summary.conversationId).turnList[0].calls).toEqual([]);
  });

  it('cancels mid-stream: the turn is cancelled and only completed model calls are kept', async () => {
    const h = await agentHarness([
      { kind: 'tool_calls', calls: [{ name: 'list_items', arguments: {} }], usage: { prompt_tokens: 50, completion_tokens: 5 } },
      { kind: 'hang', text: 'I am thinking about' },
    ]);
    const started = h.agent.start({ conversationId: null, message: 'Look around' });
    await waitForEvent(h.events, (e) => e.type === 'text.delta' && e.text.length > 0);
    expect(h.agent.cancel(started.turnId)).toBe(true);
    const summary = await started.done;
    expect(summary.status).toBe('cancelled');
    const done = h.events.find((e) => e.type === 'turn.done');
    expect(done).toMatchObject({ status: 'cancelled', stopReason: 'cancelled', calls: [{ inputTokens: 50, outputTokens: 5 }] });
    expect(h.agent.conversation(summary.conversationId).turnList[0]).toMatchObject({ status: 'cancelled', calls: [{ inputTokens: 50, outputTokens: 5, assetWrite: false }] });
    expect(h.agent.cancel(started.turnId)).toBe(false);
  });

  it('stops at the step limit, keeping what was done', async () => {
    const call = { kind: 'tool_calls' as const, calls: [{ name: 'list_items', arguments: {} }] };
    const h = await agentHarness([call, call, call, call], { settings: { maxSteps: 3 } });
    const { summary, events } = await h.turn({ message: 'Loop forever' });
    expect(summary.status).toBe('completed');
    expect(h.model.requests).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'turn.done', stopReason: 'step_limit' });
    expect(summary.answer).toMatch(/Stopped after 3 model calls/);
  });

  it('says plainly when the provider is down, the key is bad or the model unknown', async () => {
    const down = await startModelServer();
    const url = down.url;
    await down.close();
    const h = await agentHarness([{ kind: 'error', status: 401 }, { kind: 'error', status: 404 }]);
    const bad = await h.turn({ message: 'hi' });
    expect(bad.summary).toMatchObject({ status: 'failed', problem: 'bad_key' });
    expect(bad.summary.error).toMatch(/refused the API key \(401\)/);
    const unknown = await h.turn({ message: 'hi' });
    expect(unknown.summary).toMatchObject({ status: 'failed', problem: 'unknown_model' });
    expect(unknown.summary.error).toMatch(/does not know the model "scripted-model"/);
    h.agent.updateSettings({ baseUrl: url });
    const unreachable = await h.turn({ message: 'hi' });
    expect(unreachable.summary).toMatchObject({ status: 'failed', problem: 'unreachable' });
    expect(unreachable.summary.error).toContain(`Cannot reach the AI provider at ${url}`);
    expect(unreachable.events.at(-1)).toMatchObject({ type: 'turn.error', problem: 'unreachable' });
  });

  it('tests the connection with a message for each problem', async () => {
    const h = await agentHarness([{ kind: 'text', text: 'pong' }, { kind: 'error', status: 401 }, { kind: 'error', status: 404 }]);
    expect(await h.agent.testConnection()).toMatchObject({ ok: true, problem: null });
    expect(await h.agent.testConnection()).toMatchObject({ ok: false, problem: 'bad_key' });
    expect(await h.agent.testConnection()).toMatchObject({ ok: false, problem: 'unknown_model' });
    expect(h.model.requests[0].body!.stream).toBeFalsy(); // the non-streaming wire form works too
  });

  it('refuses a turn the meter refuses, before any model call', async () => {
    const recorded: unknown[] = [];
    const h = await agentHarness([{ kind: 'text', text: 'never' }], {
      meter: {
        beforeTurn: () => ({ allowed: false, reason: 'no_credits', message: 'You have used all 50 credits of this month. Ask a billing user to enable pay-as-you-go.' }),
        recordTurn: (t) => recorded.push(t),
      },
    });
    const { summary, events } = await h.turn({ message: 'hi' });
    expect(summary).toMatchObject({ status: 'failed', problem: 'refused', error: 'You have used all 50 credits of this month. Ask a billing user to enable pay-as-you-go.' });
    expect(events.at(-1)).toMatchObject({ type: 'turn.error', problem: 'refused' });
    expect(h.model.requests).toHaveLength(0);
    expect(recorded).toMatchObject([{ status: 'failed', calls: [] }]);
  });

  it('cancels a tool that is waiting on the network: the send is aborted and the turn ends', async () => {
    const api = await startTestServer();
    try {
      const h = await agentHarness([{ kind: 'tool_calls', calls: [{ name: 'send_request', arguments: { request: { method: 'GET', url: `${api.url}/delay/60000` } } }] }], {
        deps: { autoApprove: 'all' },
      });
      const started = h.agent.start({ conversationId: null, message: 'wait for it' });
      await waitForEvent(h.events, (e) => e.type === 'tool.start');
      while (api.hits('/delay/60000') === 0) await new Promise((r) => setTimeout(r, 5));
      h.agent.cancel(started.turnId);
      const summary = await started.done;
      expect(summary.status).toBe('cancelled');
      const step = h.agent.conversation(summary.conversationId).turnList[0].steps[0];
      expect(step).toMatchObject({ tool: 'send_request', status: 'ok' });
      expect(step.summary).toContain('CANCELLED');
      expect(h.model.requests).toHaveLength(1); // no further model call after the cancel
    } finally {
      await api.close();
    }
  });

  it('talks to Azure OpenAI the Azure way: deployment in the path, api-version, api-key header', async () => {
    const h = await agentHarness([{ kind: 'text', text: 'from azure' }]);
    h.agent.updateSettings({ provider: 'azure', azure: { endpoint: h.model.url.replace(/\/v1$/, ''), deployment: 'my-gpt', apiVersion: '2024-10-21' } });
    const { summary } = await h.turn({ message: 'hi' });
    expect(summary).toMatchObject({ status: 'completed', answer: 'from azure' });
    const request = h.model.requests[0];
    expect(request.path).toBe('/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe('sk-test-4f1c9a2b7e5d3c1a0b9e');
    expect(request.body!.model).toBe('my-gpt');
  });

  it('says what is missing before calling anything: no base URL, no Azure endpoint', async () => {
    const h = await agentHarness([]);
    h.agent.updateSettings({ baseUrl: '' });
    expect((await h.turn({ message: 'hi' })).summary).toMatchObject({ status: 'failed', problem: 'not_configured', error: expect.stringContaining('needs its base URL') });
    h.agent.updateSettings({ provider: 'azure', azure: { endpoint: '', deployment: 'd', apiVersion: 'v' } });
    expect(await h.agent.testConnection()).toMatchObject({ ok: false, problem: 'not_configured', message: expect.stringContaining('Azure OpenAI needs its endpoint') });
    expect(h.model.requests).toHaveLength(0);
  });

  it('refuses a second message while a turn of the conversation runs, and says plainly that the key is damaged', async () => {
    const h = await agentHarness([{ kind: 'hang', text: 'busy' }]);
    const first = h.agent.start({ conversationId: null, message: 'one' });
    expect(() => h.agent.start({ conversationId: first.conversationId, message: 'two' })).toThrow(/still running/);
    h.agent.cancel(first.turnId);
    await first.done;
    fs.writeFileSync(path.join(h.home, KEY_FILE), 'not json');
    expect(h.agent.settingsView().keyMasked).toBeNull();
    const { summary } = await h.turn({ message: 'hi', conversationId: first.conversationId });
    expect(summary).toMatchObject({ status: 'failed', problem: 'not_configured', error: expect.stringContaining('is damaged; set the key again') });
    expect(await h.agent.testConnection()).toMatchObject({ ok: false, problem: 'not_configured' });
  });
});
