// The turns on screen and the agent.event stream, pure: an event for a turn on screen updates it;
// one for a turn not on screen yet is held (agent.send may answer after the turn's first events)
// until the pending turn it belongs to learns its id.
import type { AgentEvent } from '../../../shared/contract-agent';
import { reduceTurn, type ChatTurn } from './turnReducer';

export class HeldEvents {
  private readonly byTurn = new Map<string, AgentEvent[]>();
  constructor(private readonly limit = 20) {}

  hold(event: AgentEvent): void {
    const list = this.byTurn.get(event.turnId) ?? [];
    list.push(event);
    this.byTurn.set(event.turnId, list);
    // Turns nobody claims (another window's, a closed chat's) are forgotten, oldest first.
    while (this.byTurn.size > this.limit) this.byTurn.delete(this.byTurn.keys().next().value!);
  }

  take(turnId: string): AgentEvent[] {
    const list = this.byTurn.get(turnId) ?? [];
    this.byTurn.delete(turnId);
    return list;
  }
}

/** Applies an event to its turn; null when the turn is not on screen (the caller holds the event). */
export function applyEvent(turns: ChatTurn[], event: AgentEvent): ChatTurn[] | null {
  const i = turns.findIndex((t) => t.id === event.turnId);
  if (i < 0) return null;
  const next = turns.slice();
  next[i] = reduceTurn(turns[i], event);
  return next;
}

/** agent.send answered: the pending turn takes its id, then the events held for it. */
export function claimTurn(turns: ChatTurn[], pendingId: string, turnId: string, conversationId: string, held: AgentEvent[]): ChatTurn[] {
  let next = turns.map((t) =>
    t.id === pendingId ? { ...t, id: turnId, conversationId, status: t.status === 'sending' ? ('running' as const) : t.status } : t,
  );
  for (const event of held) next = applyEvent(next, event) ?? next;
  return next;
}

export function isFinal(event: AgentEvent): boolean {
  return event.type === 'turn.done' || event.type === 'turn.error';
}
