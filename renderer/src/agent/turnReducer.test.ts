import { describe, expect, it } from 'vitest';
import type { AgentEvent, AgentTurn } from '../../../shared/contract-agent';
import { checkpointEntries, pendingTurn, reduceTurn, turnFromStored, type ChatTurn } from './turnReducer';

const base = { turnId: 't1', conversationId: 'c1' };
const run = (events: AgentEvent[], start?: ChatTurn) => events.reduce<ChatTurn | undefined>(reduceTurn, start)!;

describe('reduceTurn', () => {
  it('streams text deltas into the answer and takes the pending turn over with the real ids', () => {
    const t = run(
      [
        { ...base, type: 'turn.start', message: '/test', skill: 'test', model: 'm' },
        { ...base, type: 'text.delta', text: 'Hel' },
        { ...base, type: 'text.delta', text: 'lo' },
      ],
      pendingTurn('pending-1', '/test', 'test', null),
    );
    expect(t).toMatchObject({ id: 't1', conversationId: 'c1', status: 'running', answer: 'Hello', skill: 'test', model: 'm' });
  });

  it('a tool step runs, then ends with its status and summary, in call order', () => {
    const t = run([
      { ...base, type: 'tool.start', callId: 'a', tool: 'write_tests', args: '{"id":"r"}' },
      { ...base, type: 'tool.start', callId: 'b', tool: 'run_tests', args: '{}' },
      { ...base, type: 'tool.end', step: { callId: 'a', tool: 'write_tests', args: '{"id":"r"}', status: 'ok', summary: 'Wrote 3 tests' } },
    ]);
    expect(t.steps.map((s) => [s.callId, s.status, s.summary])).toEqual([
      ['a', 'ok', 'Wrote 3 tests'],
      ['b', 'running', ''],
    ]);
  });

  it('an approval waits, then shows the decision', () => {
    const req: AgentEvent = { ...base, type: 'approval.request', approvalId: 'p', callId: 'a', tool: 'send_request', summary: 'POST http://x/', reason: 'POST changes data', host: 'x' };
    const waiting = run([req]);
    expect(waiting.approvals).toEqual([expect.objectContaining({ approvalId: 'p', decision: null, host: 'x' })]);
    const resolved = reduceTurn(waiting, { ...base, type: 'approval.resolved', approvalId: 'p', decision: 'deny' });
    expect(resolved.approvals[0].decision).toBe('deny');
  });

  it('done: the final answer, the stop reason; steps still running are marked unfinished', () => {
    const t = run([
      { ...base, type: 'text.delta', text: 'partial' },
      { ...base, type: 'tool.start', callId: 'a', tool: 'send_request', args: '{}' },
      { ...base, type: 'turn.checkpoint', checkpoint: { created: [{ kind: 'request', id: 'r', name: 'Get', action: 'created', diff: '+x' }], changed: [] } },
      { ...base, type: 'turn.done', status: 'cancelled', stopReason: 'cancelled', answer: '', calls: [] },
    ]);
    expect(t).toMatchObject({ status: 'cancelled', stopReason: 'cancelled', answer: 'partial' });
    expect(t.steps[0].status).toBe('error');
    expect(checkpointEntries(t.checkpoint).map((e) => e.name)).toEqual(['Get']);
  });

  it('an error keeps the provider message as it came', () => {
    const t = run([{ ...base, type: 'turn.error', message: 'Out of credits: ask your admin', problem: 'refused' }]);
    expect(t.status).toBe('failed');
    expect(t.error).toEqual({ message: 'Out of credits: ask your admin', problem: 'refused' });
  });
});

describe('turnFromStored', () => {
  const stored: AgentTurn = {
    id: 't9',
    conversationId: 'c1',
    status: 'completed',
    skill: null,
    message: 'make a collection',
    mentions: [],
    answer: 'Done',
    error: null,
    steps: [{ callId: 'a', tool: 'create_collection', args: '{}', status: 'ok', summary: 'Created' }],
    checkpoint: { created: [], changed: [] },
    calls: [],
    model: 'm',
    feedback: 'up',
    undoneAt: '2026-01-01T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    finishedAt: null,
  };
  it('keeps answer, steps, feedback and the undone mark', () => {
    expect(turnFromStored(stored)).toMatchObject({ id: 't9', answer: 'Done', feedback: 'up', undone: true, error: null, stopReason: null });
  });
  it('a failed turn shows its error; a completed one with a note stopped at the step limit', () => {
    expect(turnFromStored({ ...stored, status: 'failed', error: 'bad key' }).error).toEqual({ message: 'bad key', problem: null });
    expect(turnFromStored({ ...stored, error: 'Stopped after 12 steps' }).stopReason).toBe('step_limit');
  });
});
