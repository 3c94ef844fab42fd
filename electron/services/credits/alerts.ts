// Credit alerts for toasts (DESIGN §4): 75% and 100% of the allotment used, and pay-as-you-go
// started. Raised once when the meter crosses them, counting what is still queued, so they show
// offline too; the first meter of an account only sets the level.
import { formatCredits } from '../../../shared/billing/money.js';
import type { CreditAlert, CreditMeter } from '../../../shared/contract-credits.js';

export interface AlertLevel {
  percent: 0 | 75 | 100;
  payg: boolean;
  cycleStart: string;
}

export function alertLevel(meter: CreditMeter): AlertLevel | undefined {
  const s = meter.snapshot;
  if (!s) return undefined;
  const used = s.includedUsedMicro + meter.queuedMicro;
  const percent = s.allotmentMicro > 0 && used >= s.allotmentMicro ? 100 : s.allotmentMicro > 0 && used * 4 >= s.allotmentMicro * 3 ? 75 : 0;
  const payg = s.paygMicro > 0 || (s.paygEnabled && used > s.allotmentMicro);
  return { percent, payg, cycleStart: s.cycle.start };
}

/** The alerts between two levels (none when there was no earlier level or a new cycle began). */
export function crossedAlerts(before: AlertLevel | undefined, after: AlertLevel | undefined, meter: CreditMeter): CreditAlert[] {
  if (!before || !after || !meter.snapshot || before.cycleStart !== after.cycleStart) return [];
  const allotment = formatCredits(meter.snapshot.allotmentMicro);
  const alerts: CreditAlert[] = [];
  if (before.percent < 75 && after.percent >= 75 && after.percent < 100) {
    alerts.push({ kind: 'credits_75', message: `You have used 75% of your ${allotment} monthly credits.` });
  }
  if (before.percent < 100 && after.percent === 100) {
    alerts.push({ kind: 'credits_100', message: `You have used all ${allotment} of your monthly credits.` });
  }
  if (!before.payg && after.payg) {
    alerts.push({ kind: 'payg_started', message: 'Pay-as-you-go has started: further AI actions are billed to your team.' });
  }
  return alerts;
}
