// A finished agent turn as a usage event for the outbox (DESIGN §4, §6): its completed model calls
// priced with the rate card. A failed turn books nothing; a cancelled one its completed calls.
import { randomUUID } from 'node:crypto';
import { MAX_CALLS_PER_EVENT, MAX_TOKENS_PER_CALL, type Entitlement } from '../../../shared/billing/api.js';
import { actionCostMicro, CURRENT_RATE_CARD, rateCardByVersion, type RateCard } from '../../../shared/billing/rate-card.js';
import type { CompletedTurn } from '../agent/turn-meter.js';
import type { NewUsage } from './outbox.js';

/** The card to price with: the snapshot's (the server's current one), else the newest this build knows. */
export function rateCardFor(snapshot: Entitlement | undefined): RateCard {
  if (snapshot) return rateCardByVersion(snapshot.rateCard.version) ?? snapshot.rateCard;
  return CURRENT_RATE_CARD;
}

/** A token count the wire accepts (an integer 0…2,000,000): a bad count must not block the queue. */
const tokens = (n: number) => (Number.isFinite(n) ? Math.min(MAX_TOKENS_PER_CALL, Math.max(0, Math.round(n))) : 0);

/** The turn's events: one, or one per 100 calls (the most an event may carry). */
export function usageOfTurn(turn: CompletedTurn, account: string, card: RateCard): NewUsage[] {
  if (turn.status === 'failed') return [];
  const calls = turn.calls.map((c) => ({ inputTokens: tokens(c.inputTokens), outputTokens: tokens(c.outputTokens), assetWrite: c.assetWrite === true }));
  const model = turn.model.trim().slice(0, 200) || 'unknown';
  const ended = Date.parse(turn.occurredAt);
  const occurredAt = new Date(Number.isNaN(ended) ? Date.now() : ended).toISOString();
  const events: NewUsage[] = [];
  for (let i = 0; i < calls.length; i += MAX_CALLS_PER_EVENT) {
    const part = calls.slice(i, i + MAX_CALLS_PER_EVENT);
    events.push({
      id: randomUUID(),
      account,
      turnId: turn.turnId,
      occurredAt,
      model,
      rateCardVersion: card.version,
      calls: part,
      creditsMicro: actionCostMicro(card, model, part),
    });
  }
  return events;
}
