// The versioned rate card: what one model call costs in micro-credits. The billing server holds
// every version it ever published and recomputes each usage event with the version the event
// names; the client only uses it to show an estimate.
//
// Default card (version 1): 1 credit per 2,000 input tokens and 1 credit per 500 output tokens,
// i.e. inputTokens × 500 + outputTokens × 2000 micro-credits per call at the default tier. Larger
// models multiply that; a model the card does not list costs the default tier. A call whose tool
// calls wrote a workspace asset gets the asset discount (50%), rounded half to even.
import { divideHalfEven, toSafeNumber } from './money.js';

export interface RateTier {
  readonly name: string;
  /** Integer multiplier on the default rates. */
  readonly multiplier: number;
  /** Model ids billed at this tier; an entry ending in `*` matches by prefix. */
  readonly models: readonly string[];
}

export interface RateCard {
  readonly version: number;
  readonly inputMicroPerToken: number;
  readonly outputMicroPerToken: number;
  readonly assetWriteDiscountPercent: number;
  readonly defaultTier: string;
  readonly tiers: readonly RateTier[];
}

export interface ModelCall {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly assetWrite: boolean;
}

export const RATE_CARD_V1: RateCard = {
  version: 1,
  inputMicroPerToken: 500,
  outputMicroPerToken: 2000,
  assetWriteDiscountPercent: 50,
  defaultTier: 'standard',
  tiers: [
    { name: 'standard', multiplier: 1, models: [] },
    { name: 'large', multiplier: 4, models: ['gpt-4.1', 'gpt-4o', 'o1', 'o3', 'claude-opus-*', 'claude-sonnet-*'] },
  ],
};

/** Every published card by version. Never edit a published card: add a new version. */
export const RATE_CARDS: ReadonlyMap<number, RateCard> = new Map([[RATE_CARD_V1.version, RATE_CARD_V1]]);

/** The card new snapshots carry. */
export const CURRENT_RATE_CARD: RateCard = RATE_CARD_V1;

export function rateCardByVersion(version: number): RateCard | undefined {
  return RATE_CARDS.get(version);
}

function matches(pattern: string, model: string): boolean {
  return pattern.endsWith('*') ? model.startsWith(pattern.slice(0, -1)) : pattern === model;
}

/** The tier a model is billed at; unknown models get the default tier. */
export function tierFor(card: RateCard, model: string): RateTier {
  const listed = card.tiers.find((t) => t.models.some((p) => matches(p, model)));
  if (listed) return listed;
  const fallback = card.tiers.find((t) => t.name === card.defaultTier);
  if (!fallback) throw new Error(`rate card ${card.version} has no default tier ${card.defaultTier}`);
  return fallback;
}

/** Micro-credits of one model call (exact integer; the asset discount rounds half to even). */
export function callCostMicro(card: RateCard, model: string, call: ModelCall): number {
  const tier = tierFor(card, model);
  const base =
    (BigInt(call.inputTokens) * BigInt(card.inputMicroPerToken) +
      BigInt(call.outputTokens) * BigInt(card.outputMicroPerToken)) *
    BigInt(tier.multiplier);
  if (!call.assetWrite) return toSafeNumber(base);
  return toSafeNumber(divideHalfEven(base * BigInt(100 - card.assetWriteDiscountPercent), 100n));
}

/** Micro-credits of one AI action (agent turn): the sum of its calls. */
export function actionCostMicro(card: RateCard, model: string, calls: readonly ModelCall[]): number {
  return calls.reduce((sum, call) => sum + callCostMicro(card, model, call), 0);
}
