// Credit alerts become toasts once each per cycle: the main process raises an alert when the
// meter crosses 75%, 100% or PAYG starts, but a reconnect, a reload or a second window must not
// toast the same alert again. The log remembers what was shown per account and cycle; it is kept
// in localStorage by the caller (see creditsStore) and pruned to recent cycles.
import type { CreditAlert, CreditMeter } from '../../../shared/contract-credits';

export type AlertLog = readonly string[];

const MAX_ENTRIES = 60;

function scope(meter: CreditMeter): string | null {
  const s = meter.snapshot;
  if (!s) return null;
  return `${meter.server.url ?? ''}|${s.user.id}|${s.cycle.start}`;
}

/** The alerts not shown yet this cycle, and the log with them added. */
export function freshAlerts(log: AlertLog, meter: CreditMeter, alerts: readonly CreditAlert[]): { show: CreditAlert[]; log: AlertLog } {
  const where = scope(meter);
  if (!where || alerts.length === 0) return { show: [], log };
  const seen = new Set(log);
  const show: CreditAlert[] = [];
  for (const alert of alerts) {
    const key = `${where}|${alert.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    show.push(alert);
  }
  if (show.length === 0) return { show, log };
  return { show, log: [...seen].slice(-MAX_ENTRIES) };
}

export function parseAlertLog(text: string | null): AlertLog {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
