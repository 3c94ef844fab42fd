// /design through the AgentService, with the scripted model over a real socket, a real workspace,
// real mock servers on loopback and the real script sandbox: the model's invalid spec comes back
// to it as problems with lines (nothing saved), the valid one is saved with its collection, the
// mock runs and the tests pass against it with no approval asked. Undo of the turn removes the
// spec and the collection, and stops the mock of that spec; undo of a turn that changed a spec puts its text and its link back,
// row for row.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workspaceDb } from '../../electron/services/agent/store/db.js';
import { createMockManager, type MockManager } from '../../electron/services/mock/mock-manager.js';
import type { Workspace } from '../../electron/services/store/workspace.js';
import { lastToolResult, type ChatRequest } from '../support/model-server.js';
import { PETS_SPEC, PETS_SPEC_INVALID } from '../support/pets-spec.js';
import { agentHarness } from './harness.js';

const running: MockManager[] = [];
afterEach(async () => {
  for (const m of running.splice(0)) await m.stopAll();
});

/** A harness whose agent starts mocks on a MockManager of its workspace. */
async function designHarness(script: Parameters<typeof agentHarness>[0]) {
  let mocks: MockManager | undefined;
  const h = await agentHarness(script, {
    deps: (workspace) => {
      mocks = createMockManager({ workspace });
      running.push(mocks);
      return { mocks };
    },
  });
  return { ...h, mocks: mocks! };
}

/** The spec rows and their operation links, as stored. */
function specRows(ws: Workspace) {
  const db = workspaceDb(ws);
  return {
    specs: db.prepare('SELECT * FROM specs ORDER BY id').all(),
    operations: db.prepare('SELECT * FROM spec_operations ORDER BY spec_id, operation_key').all(),
    items: db.prepare('SELECT id, parent_id, name, url, scripts_json FROM items ORDER BY id').all(),
    examples: db.prepare('SELECT * FROM examples ORDER BY id').all(),
  };
}

const toolText = (req: ChatRequest) => req.messages.filter((m) => m.role === 'tool').map((m) => m.content ?? '');

describe('/design', () => {
  it('drafts, fixes, saves the spec with its collection, mocks it and runs the tests against the mock; undo removes what it made', async () => {
    let mock = { id: '', url: '', collectionId: '' };
    const h = await designHarness([
      { kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { name: 'Pets', text: PETS_SPEC_INVALID, generateCollection: true } }] },
      { kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { name: 'Pets', text: PETS_SPEC, generateCollection: true } }] },
      (req) => ({ kind: 'tool_calls', calls: [{ name: 'start_mock', arguments: { specId: lastToolResult(req).id } }] }),
      (req) => {
        const r = lastToolResult(req);
        mock = { id: String(r.id), url: String(r.url), collectionId: String(r.collectionId) };
        return { kind: 'tool_calls', calls: [{ name: 'set_variable', arguments: { scope: 'collection', collectionId: mock.collectionId, key: 'petId', value: '1' } }] };
      },
      () => ({ kind: 'tool_calls', calls: [{ name: 'run_tests', arguments: { id: mock.collectionId, baseUrl: mock.url } }] }),
      (req) => ({ kind: 'text', text: `passed ${String(lastToolResult(req).passed)}, failed ${String(lastToolResult(req).failed)}` }),
    ]);
    const { summary, events } = await h.turn({ message: '/design a pets API: list, add and get pets' });
    expect(summary).toMatchObject({ status: 'completed', error: null });
    expect(events.filter((e) => e.type === 'approval.request')).toEqual([]);
    const turn = h.agent.conversation(summary.conversationId).turnList[0];
    expect(turn.skill).toBe('design');
    expect(turn.steps.map((s) => `${s.tool}:${s.status}`)).toEqual(['write_spec:error', 'write_spec:ok', 'start_mock:ok', 'set_variable:ok', 'run_tests:ok']);
    // Metered as asset writes: the call whose spec was saved and the one that set a variable, not the refused one.
    expect(turn.calls.map((c) => c.assetWrite)).toEqual([false, true, false, true, false, false]);

    // The skill's instructions went first; the problems went back to the model with their lines.
    expect(h.model.requests[0].body!.messages[0].content).toContain('The user started the skill /design');
    const refused = toolText(h.model.requests[1].body!)[0];
    expect(refused).toContain('nothing was saved');
    expect(refused).toContain('line 2, column 1 (/info)');
    expect(refused).toContain('line 12, column 9 (/paths/~1pets/get/responses/200)');

    const [spec] = h.workspace.listSpecs();
    expect(spec).toMatchObject({ name: 'Pets', text: PETS_SPEC, collectionId: mock.collectionId });
    expect(h.mocks.list()).toEqual([expect.objectContaining({ id: mock.id, host: '127.0.0.1', source: { kind: 'spec', specId: spec.id } })]);
    const run = lastToolResult(h.model.requests.at(-1)!.body!);
    expect(run).toMatchObject({ failed: 0, baseUrl: mock.url });
    expect(Number(run.passed)).toBeGreaterThanOrEqual(3);
    expect(h.mocks.log(mock.id)).toHaveLength(3);
    expect(turn.checkpoint!.created.map((c) => `${c.kind} ${c.name}`).sort()).toEqual(['collection Pets', 'spec Pets']);

    expect(h.agent.undoTurn(turn.id)).toEqual({ restored: 0, removed: 2 });
    expect(specRows(h.workspace)).toEqual({ specs: [], operations: [], items: [], examples: [] });
    // The mock of the spec the undo removed stops too, and its port is free again.
    await vi.waitFor(() => expect(h.mocks.list()).toEqual([]));
    await expect(fetch(`${mock.url}/pets`)).rejects.toThrow();
  });

  it('undo of a turn that changed a spec and synced its collection puts the text, the link and the requests (with their saved examples) back', async () => {
    const h = await designHarness([]);
    const ws = h.workspace;
    const first = h.model;
    first.push(
      { kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { name: 'Pets', text: PETS_SPEC, generateCollection: true } }] },
      { kind: 'text', text: 'saved' },
    );
    await h.turn({ message: 'save it' });
    const [spec] = ws.listSpecs();
    const before = specRows(ws);
    expect(before.operations).toHaveLength(3);
    expect(before.examples).toHaveLength(3);

    // The next turn drops an operation and renames the spec; sync removes its request.
    const smaller = PETS_SPEC.replace(/ {4}post:[\s\S]*?(?= {2}\/pets\/\{petId\}:)/, '');
    h.model.push(
      { kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { specId: spec.id, name: 'Pets v2', text: smaller, generateCollection: true } }] },
      { kind: 'text', text: 'changed' },
    );
    const { summary } = await h.turn({ message: 'drop add pet' });
    // The turn started knowing the spec by name and id, and its collection.
    expect(h.model.requests[2].body!.messages[1].content).toContain(`## OpenAPI specs\n- Pets (spec ${spec.id}), linked to collection ${spec.collectionId}`);
    expect(ws.getSpec(spec.id)).toMatchObject({ name: 'Pets v2', text: smaller });
    expect(specRows(ws).operations).toHaveLength(2);
    const turn = h.agent.conversation(summary.conversationId).turnList[0];
    expect(turn.checkpoint!.changed.map((c) => `${c.kind} ${c.name} ${c.action}`).sort()).toEqual(['request Add a pet deleted', 'spec Pets updated']);
    expect(turn.checkpoint!.changed.find((c) => c.kind === 'spec')!.diff).toContain('-    post:\n');

    h.agent.undoTurn(turn.id);
    expect(specRows(ws)).toEqual(before);
  });
});
