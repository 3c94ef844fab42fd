// What the top bar meter shows, derived from the CreditMeter the main process sends. Pure, so the
// wording and the numbers are tested without a browser.
import type { CreditMeter } from '../../../shared/contract-credits';
import { formatCreditsShort, percentOf } from './format';

export type MeterTone = 'ok' | 'low' | 'out';

export interface MeterView {
  /** "399.1" — included credits left. */
  remaining: string;
  /** "400" — the allotment. */
  allotment: string;
  /** Share of the allotment left, 0–100, for the bar. */
  percentLeft: number;
  tone: MeterTone;
  payg: boolean;
  queued: number;
  /** "Synced", "Syncing…", "Offline", "Sync error", with the count queued. */
  stateLabel: string;
  /** The whole story for the tooltip / screen readers. */
  title: string;
}

const STATE_LABELS: Record<CreditMeter['state'], string> = {
  synced: 'Synced',
  syncing: 'Syncing…',
  offline: 'Offline',
  error: 'Sync error',
};

export function meterView(meter: CreditMeter): MeterView | null {
  const s = meter.snapshot;
  if (!s) return null;
  const percentLeft = percentOf(meter.remainingMicro, s.allotmentMicro);
  const usedPercent = 100 - percentOf(meter.remainingMicro, s.allotmentMicro);
  const tone: MeterTone = meter.remainingMicro === 0 ? 'out' : usedPercent >= 75 ? 'low' : 'ok';
  const remaining = formatCreditsShort(meter.remainingMicro);
  const allotment = formatCreditsShort(s.allotmentMicro);
  const queued = meter.queuedEvents;
  const stateLabel = STATE_LABELS[meter.state] + (queued > 0 ? ` · ${queued} queued` : '');
  const parts = [`${remaining} of ${allotment} credits left this cycle`];
  if (s.paygEnabled) parts.push('pay-as-you-go is on');
  parts.push(stateLabel);
  if (meter.lastError && meter.state !== 'synced') parts.push(meter.lastError);
  return { remaining, allotment, percentLeft, tone, payg: s.paygEnabled, queued, stateLabel, title: parts.join(' — ') };
}

/** Who may open AI Credit Details (billing users and admins). */
export function canSeeCreditDetails(meter: CreditMeter | null): boolean {
  const roles = meter?.snapshot?.roles ?? [];
  return roles.includes('billing') || roles.includes('admin');
}

/**
 * Pay-as-you-go credits still allowed before the next sync (DESIGN §5: a PAYG member with no
 * included credits left may queue up to the offline allowance), or null when it does not apply.
 * Mirrors shared/billing/decideAction: what is queued beyond the allotment counts against it.
 */
export function offlineAllowanceLeft(meter: CreditMeter): number | null {
  const s = meter.snapshot;
  if (!s || !s.paygEnabled || meter.queuedMicro === 0) return null;
  const beyond = s.includedUsedMicro + meter.queuedMicro - s.allotmentMicro;
  if (beyond <= 0) return null;
  return Math.max(0, s.offlineAllowanceMicro - beyond);
}
