// Billing cycles: monthly, anchored on the team's billing day (1–31) at 00:00 UTC. A month shorter
// than the billing day anchors on its last day (day 31 → 30 April, 28 or 29 February), and the
// next month returns to the billing day. A cycle is [start, end): start inclusive, end exclusive.

export interface Cycle {
  /** ISO 8601 instant, UTC ("2026-01-31T00:00:00.000Z"). */
  readonly start: string;
  readonly end: string;
}

export const GRACE_MS = 24 * 60 * 60 * 1000;

function toMs(instant: Date | string | number): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${String(instant)}`);
  return ms;
}

export function assertBillingDay(day: number): void {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error(`billing day must be 1–31, got ${day}`);
}

/** Date.UTC, without its mapping of years 0–99 to 1900–1999. */
function utcMs(year: number, month0: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  return d.getTime();
}

export function daysInMonth(year: number, month0: number): number {
  return new Date(utcMs(year, month0 + 1, 0)).getUTCDate();
}

/** The instant (ms) a cycle starts in the given month (month0 may be outside 0–11). */
export function cycleAnchorMs(year: number, month0: number, billingDay: number): number {
  assertBillingDay(billingDay);
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return utcMs(y, m, Math.min(billingDay, daysInMonth(y, m)));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The cycle that contains `instant`. */
export function cycleContaining(instant: Date | string | number, billingDay: number): Cycle {
  const t = toMs(instant);
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const anchor = cycleAnchorMs(y, m, billingDay);
  return t >= anchor
    ? { start: iso(anchor), end: iso(cycleAnchorMs(y, m + 1, billingDay)) }
    : { start: iso(cycleAnchorMs(y, m - 1, billingDay)), end: iso(anchor) };
}

export function nextCycle(cycle: Cycle, billingDay: number): Cycle {
  return cycleContaining(cycle.end, billingDay);
}

export function previousCycle(cycle: Cycle, billingDay: number): Cycle {
  return cycleContaining(toMs(cycle.start) - 1, billingDay);
}

export function isWithin(instant: Date | string | number, cycle: Cycle): boolean {
  const t = toMs(instant);
  return t >= toMs(cycle.start) && t < toMs(cycle.end);
}

/** The UTC calendar days a cycle covers ("2026-01-31", …), in order. */
export function cycleDays(cycle: Cycle): string[] {
  const days: string[] = [];
  for (let t = toMs(cycle.start); t < toMs(cycle.end); t += GRACE_MS) days.push(iso(t).slice(0, 10));
  return days;
}

/** The billing day a team created at `instant` gets: that day of the month, UTC. */
export function billingDayFor(instant: Date | string | number): number {
  return new Date(toMs(instant)).getUTCDate();
}
