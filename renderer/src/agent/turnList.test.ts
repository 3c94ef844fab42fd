import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../../shared/contract-agent';
import { applyEvent, claimTurn, HeldEvents, isFinal } from './turnList';
import { pendingTurn } from './turnReducer';

const ev = (turnId: string, text: string): AgentEvent => ({ type: 'text.delta', turnId, conversationId: 'c1', text });

describe('the turn list and the event stream', () => {
  it('an event for a turn not on screen is not applied (the caller holds it)', () => {
    const turns = [pendingTurn('pending-1', 'hi', null, null)];
    expect(applyEvent(turns, ev('t1', 'x'))).toBeNull();
  });

  it('events that came before agent.send answered are applied, in order, once the pending turn learns its id', () => {
    const held = new HeldEvents();
    held.hold({ type: 'turn.start', turnId: 't1', conversationId: 'c1', message: 'hi', skill: null, model: 'm' });
    held.hold(ev('t1', 'Hel'));
    held.hold(ev('other', 'not mine'));
    held.hold(ev('t1', 'lo'));
    const turns = claimTurn([pendingTurn('pending-1', 'hi', null, null)], 'pending-1', 't1', 'c1', held.take('t1'));
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ id: 't1', conversationId: 'c1', status: 'running', answer: 'Hello', model: 'm' });
    expect(held.take('t1')).toEqual([]);
    expect(held.take('other')).toHaveLength(1);
  });

  it('a turn that already ended before the answer keeps its end', () => {
    const done: AgentEvent = { type: 'turn.done', turnId: 't1', conversationId: 'c1', status: 'completed', stopReason: 'answer', answer: 'ok', calls: [] };
    const turns = claimTurn([pendingTurn('pending-1', 'hi', null, null)], 'pending-1', 't1', 'c1', [done]);
    expect(turns[0].status).toBe('completed');
    expect(isFinal(done)).toBe(true);
  });

  it('only the newest turns are held: an unclaimed flood is forgotten oldest first', () => {
    const held = new HeldEvents(2);
    held.hold(ev('a', '1'));
    held.hold(ev('b', '1'));
    held.hold(ev('c', '1'));
    expect(held.take('a')).toEqual([]);
    expect(held.take('c')).toHaveLength(1);
  });

  it('events of a turn on screen update only that turn', () => {
    const turns = [pendingTurn('t0', 'a', null, 'c1'), pendingTurn('t1', 'b', null, 'c1')];
    const next = applyEvent(turns, ev('t1', 'hi'))!;
    expect(next[0]).toBe(turns[0]);
    expect(next[1].answer).toBe('hi');
  });
});
