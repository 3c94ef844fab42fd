// The credit meter the UI shows (shared/contract-credits.ts CreditMeter), computed from the cached
// snapshot, what is queued in the outbox and the sync status. Pure.
import type { Entitlement } from '../../../shared/billing/api.js';
import { decideAction } from '../../../shared/billing/decide-action.js';
import type { CreditMeter, CreditServer, RejectedUsage } from '../../../shared/contract-credits.js';
import type { Totals } from './outbox.js';
import type { SyncStatus } from './sync-engine.js';

export const NO_SNAPSHOT_MESSAGE =
  'Courier has not reached your billing server yet, so it cannot tell how many credits you have. ' +
  'It keeps trying; check the team server in Settings → Team.';

export interface MeterInputs {
  snapshot: Entitlement | undefined;
  queued: Totals;
  status: SyncStatus;
  rejected: RejectedUsage[];
  server: CreditServer;
  now: Date;
}

/** @param why what went wrong reaching the server, added to the refusal when there is no snapshot */
export function meterDecision(snapshot: Entitlement | undefined, queuedMicro: number, now: Date, why?: string): CreditMeter['decision'] {
  if (!snapshot) return { allowed: false, reason: 'no_snapshot', message: why ? `${NO_SNAPSHOT_MESSAGE} ${why}` : NO_SNAPSHOT_MESSAGE };
  const d = decideAction(snapshot, queuedMicro, now);
  return d.allowed ? { allowed: true, funding: d.funding } : { allowed: false, reason: d.reason, message: d.message };
}

/** Included credits left after what is queued (the allotment renews at the cycle's end). */
export function remainingMicro(snapshot: Entitlement | undefined, queuedMicro: number, now: Date): number {
  if (!snapshot) return 0;
  const renewed = now.getTime() >= Date.parse(snapshot.cycle.end);
  return Math.max(0, snapshot.allotmentMicro - (renewed ? 0 : snapshot.includedUsedMicro) - queuedMicro);
}

export function buildMeter(input: MeterInputs): CreditMeter {
  const { snapshot, queued, status } = input;
  return {
    snapshot: snapshot ?? null,
    queuedMicro: queued.micro,
    queuedEvents: queued.events,
    remainingMicro: remainingMicro(snapshot, queued.micro, input.now),
    decision: meterDecision(snapshot, queued.micro, input.now, status.lastError),
    state: status.state === 'synced' && queued.events > 0 ? 'syncing' : status.state,
    ...(status.lastError && status.state !== 'synced' ? { lastError: status.lastError } : {}),
    ...(status.lastSyncedAt ? { lastSyncedAt: status.lastSyncedAt } : {}),
    rejected: input.rejected,
    server: input.server,
  };
}
