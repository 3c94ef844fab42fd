// The TurnMeter Agent Mode calls (electron/services/agent/turn-meter.ts). beforeTurn: the shared
// decision on the cached snapshot minus what is queued, no network. recordTurn: the turn's usage
// event into the outbox, synchronously, inside the caller's transaction on the workspace database.
import type { Entitlement } from '../../../shared/billing/api.js';
import type { CompletedTurn, TurnDecision, TurnMeter } from '../agent/turn-meter.js';
import { meterDecision } from './meter-view.js';
import type { Outbox } from './outbox.js';
import { rateCardFor, usageOfTurn } from './usage-event.js';

export interface TurnMeterDeps {
  outbox: Outbox;
  account: () => string;
  snapshot: () => Entitlement | undefined;
  now: () => Date;
  /** Starts the billing connection (called when there is no snapshot yet). */
  ensureStarted: () => Promise<void>;
  afterTurn: () => void;
  /** Syncs in the background (push the queue, fetch a fresh snapshot). */
  refresh: () => void;
  /** Why the billing server could not be reached, if it could not. */
  lastError: () => string | undefined;
}

export class TurnMeterService implements TurnMeter {
  private pending = false;

  constructor(private readonly deps: TurnMeterDeps) {}

  /** Resolves once the billing server was tried (the snapshot is then fresh, or the cached one). */
  ready(): Promise<void> {
    return this.deps.ensureStarted().catch(() => {});
  }

  /** With no snapshot cached yet, waits for the billing server to be tried once (see TurnMeter). */
  async prepare(): Promise<void> {
    if (!this.deps.snapshot()) await this.ready();
  }

  beforeTurn(): TurnDecision {
    const snapshot = this.deps.snapshot();
    if (!snapshot) void this.ready();
    const account = this.deps.account();
    const decision = meterDecision(snapshot, this.deps.outbox.queued(account).micro, this.deps.now(), snapshot ? undefined : this.deps.lastError());
    // A refusal may be out of date (a billing user just turned PAYG on): refresh for the next try.
    if (!decision.allowed && snapshot) this.deps.refresh();
    return decision.allowed ? { allowed: true } : { allowed: false, reason: decision.reason ?? 'refused', message: decision.message ?? 'Refused.' };
  }

  recordTurn(turn: CompletedTurn): void {
    const account = this.deps.account();
    for (const usage of usageOfTurn(turn, account, rateCardFor(this.deps.snapshot()))) this.deps.outbox.add(usage);
    // After the caller's commit (or its rollback): the meter event and a sync, once for many turns.
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => this.afterTurn());
  }

  afterTurn(): void {
    this.pending = false;
    this.deps.afterTurn();
  }
}
