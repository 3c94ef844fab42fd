// The seam between Agent Mode and credits (DESIGN.md §4–5). The executor owns this interface; the
// credits service (electron/services/credits/) implements it. Neither imports the other's insides.
//
// Order of a turn:
//   1. meter.beforeTurn()  — the shared decision function on the cached entitlement snapshot, no
//      network. A refusal ends the turn before any model call, with its message shown as-is.
//   2. the turn runs (model calls, tools).
//   3. inside the ONE SQLite transaction that stores the finished turn (its record, its model
//      calls and its workspace changes), the executor calls meter.recordTurn(turn) with the same
//      workspace database; the usage event goes into the outbox in that transaction, so a killed
//      process keeps both or neither.
//   4. after the commit, meter.afterTurn?.() — nudges the sync engine and the meter event.

export interface ModelCallRecord {
  inputTokens: number;
  outputTokens: number;
  /** The call's tool calls created or updated a workspace asset: billed at the asset discount. */
  assetWrite: boolean;
}

export interface CompletedTurn {
  /** The turn's id; the usage event uses its own client-made UUID. */
  turnId: string;
  model: string;
  /** ISO time the turn ended. */
  occurredAt: string;
  /**
   * 'completed' and 'cancelled' are metered (a cancelled turn: its completed model calls only);
   * 'failed' (the provider failed) costs nothing and recordTurn books no event for it.
   */
  status: 'completed' | 'cancelled' | 'failed';
  /** Only model calls that completed (usage received). */
  calls: ModelCallRecord[];
}

export type TurnDecision =
  | { allowed: true }
  | { allowed: false; reason: string; message: string };

export interface TurnMeter {
  /**
   * Optional, awaited before beforeTurn: a meter with no snapshot yet (the first run, the embedded
   * billing server still starting) reaches its billing server once instead of refusing the turn.
   * Settles in bounded time, and at once when a snapshot is cached.
   */
  prepare?(): Promise<void>;
  beforeTurn(): TurnDecision;
  /** Synchronous: runs inside the caller's better-sqlite3 transaction on the workspace database. */
  recordTurn(turn: CompletedTurn): void;
  afterTurn?(): void;
}

/** No metering (tests of the executor alone). */
export const unmetered: TurnMeter = {
  beforeTurn: () => ({ allowed: true }),
  recordTurn: () => {},
};
