// A finished agent turn as a usage event for the outbox (DESIGN §4, §6): its completed model calls
// priced with the rate card. A failed turn books nothing; a cancelled one its completed calls.
import { randomUUID } from 'node:crypto';
import { MAX_CALLS_PER_EVENT, type Entitlement } from '../../../shared/billing/api.js';
import { actionCostMicro, CURRENT_RATE_CARD, rateCardByVersion, type RateCard } from '../../../shared/billing/rate-card.js';
import type { CompletedTurn } from '../agent/turn-meter.js';
import type { NewUsage } from './outbox.js';

/** The card to price with: the snapshot's (the server's current one), else the newest this build knows. */
export function rateCardFor(snapshot: Entitlement | undefined): RateCard {
  if (snapshot) return rateCardByVersion(snapshot.rateCard.version) ?? snapshot.rateCard;
  return CURRENT_RATE_CARD;
}

/** The turn's events: one, or one per 100 calls (the most an event may carry). */
export function usageOfTurn(turn: CompletedTurn, account: string, card: RateCard): NewUsage[] {
  if (turn.status === 'failed') return [];
  const calls = turn.calls.map((c) => ({ inputTokens: c.inputTokens, outputTokens: c.outputTokens, assetWrite: c.assetWrite }));
  const occurredAt = new Date(turn.occurredAt).toISOString();
  const events: NewUsage[] = [];
  for (let i = 0; i < calls.length; i += MAX_CALLS_PER_EVENT) {
    const part = calls.slice(i, i + MAX_CALLS_PER_EVENT);
    events.push({
      id: randomUUID(),
      account,
      turnId: turn.turnId,
      occurredAt,
      model: turn.model,
      rateCardVersion: card.version,
      calls: part,
      creditsMicro: actionCostMicro(card, turn.model, part),
    });
  }
  return events;
}
