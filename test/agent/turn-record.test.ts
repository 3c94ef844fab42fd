// The finished turn is stored with its model calls in the same transaction as the meter's usage
// event (DESIGN.md §5): the meter sees the turn's rows from inside that transaction; a meter that
// fails takes the turn's record down with it (nothing half-written), and a process killed in the
// middle of a turn leaves a turn that is marked failed on the next start and can still be undone.
import { describe, expect, it } from 'vitest';
import { AgentService } from '../../electron/services/agent/agent-service.js';
import { fixedKeyStore } from '../../electron/services/agent/key-store.js';
import { workspaceDb } from '../../electron/services/agent/store/db.js';
import type { CompletedTurn } from '../../electron/services/agent/turn-meter.js';
import { agentHarness, waitForEvent } from './harness.js';

const createCollection = { kind: 'tool_calls' as const, calls: [{ name: 'create_collection', arguments: { name: 'Made by the turn' } }], usage: { prompt_tokens: 1000, completion_tokens: 100 } };

describe('the turn record', () => {
  it('is written in the same transaction as the meter records the turn', async () => {
    const seen: { turn: CompletedTurn; inTransaction: boolean; status: unknown; calls: unknown }[] = [];
    const h = await agentHarness([createCollection, { kind: 'text', text: 'done', usage: { prompt_tokens: 1200, completion_tokens: 20 } }], {
      meter: {
        beforeTurn: () => ({ allowed: true }),
        recordTurn: (turn) => {
          const db = workspaceDb(h.workspace);
          seen.push({
            turn,
            inTransaction: db.inTransaction,
            status: db.prepare('SELECT status FROM agent_turns WHERE id = ?').pluck().get(turn.turnId),
            calls: db.prepare('SELECT input_tokens, output_tokens, asset_write FROM agent_model_calls WHERE turn_id = ? ORDER BY seq').raw().all(turn.turnId),
          });
        },
      },
    });
    const { summary } = await h.turn({ message: 'make one' });
    expect(seen).toEqual([
      {
        turn: { turnId: summary.turnId, model: 'scripted-model', occurredAt: expect.any(String), status: 'completed', calls: [{ inputTokens: 1000, outputTokens: 100, assetWrite: true }, { inputTokens: 1200, outputTokens: 20, assetWrite: false }] },
        inTransaction: true,
        status: 'completed',
        calls: [[1000, 100, 1], [1200, 20, 0]],
      },
    ]);
  });

  it('a meter that fails takes the record with it: the turn is failed, unbooked, and still undoable', async () => {
    const h = await agentHarness([createCollection, { kind: 'text', text: 'done' }], {
      meter: {
        beforeTurn: () => ({ allowed: true }),
        recordTurn: () => {
          throw new Error('disk full');
        },
      },
    });
    const { summary, events } = await h.turn({ message: 'make one' });
    expect(summary).toMatchObject({ status: 'failed', problem: 'internal', error: 'The turn could not be recorded: disk full' });
    expect(events.at(-1)).toMatchObject({ type: 'turn.error', problem: 'internal' });
    const stored = h.agent.conversation(summary.conversationId).turnList[0];
    expect(stored).toMatchObject({ status: 'failed', calls: [] });
    expect(h.workspace.tree().map((n) => n.name)).toEqual(['Made by the turn']);
    h.agent.undoTurn(summary.turnId);
    expect(h.workspace.tree()).toEqual([]);
  });

  it('a turn cut off by a killed process is marked failed on the next start, and its changes can be undone', async () => {
    const h = await agentHarness([createCollection, { kind: 'hang', text: 'still working' }]);
    const started = h.agent.start({ conversationId: null, message: 'make one and think' });
    await waitForEvent(h.events, (e) => e.type === 'text.delta' && e.text.length > 0);
    // The "next start": another service opening the same workspace while the first never finished.
    const next = new AgentService({ workspace: h.workspace, engine: h.engine, keyStore: fixedKeyStore(null), emit: () => undefined });
    const turn = next.conversation(started.conversationId).turnList[0];
    expect(turn).toMatchObject({ status: 'failed', error: 'Courier stopped while this turn was running' });
    expect(turn.steps.map((s) => s.tool)).toEqual(['create_collection']);
    expect(h.workspace.tree().map((n) => n.name)).toEqual(['Made by the turn']);
    expect(next.undoTurn(started.turnId)).toEqual({ restored: 0, removed: 1 });
    expect(h.workspace.tree()).toEqual([]);
  });
});
