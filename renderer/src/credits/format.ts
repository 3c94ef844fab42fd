// How credits and money read in the UI. Credits travel as integer micro-credits and money as
// integer minor units (DESIGN §4); these turn them into text without floating point, using the
// exact decimal helpers of shared/billing.
import { formatDecimal, formatMoneyMinor, MICRO_PER_CREDIT, parseDecimal } from '../../../shared/billing/money';

const MICRO_PER_CENTI = BigInt(MICRO_PER_CREDIT / 100);

/**
 * Micro-credits as credits for people: at most two decimals, trailing zeros dropped, thousands
 * grouped ("1,234.5", "0.9", "400"). `round: 'down'` (the default) never overstates what is
 * left; 'up' never understates what was used. A non-zero amount below 0.01 shows as "<0.01".
 */
export function formatCreditsShort(micro: number, round: 'down' | 'up' = 'down'): string {
  if (!Number.isSafeInteger(micro)) throw new Error(`micro-credits must be a safe integer, got ${micro}`);
  const negative = micro < 0;
  const abs = BigInt(Math.abs(micro));
  let centi = abs / MICRO_PER_CENTI;
  if (round === 'up' && abs % MICRO_PER_CENTI !== 0n) centi += 1n;
  if (centi === 0n && abs > 0n) return negative ? '>-0.01' : '<0.01';
  const text = groupThousands(formatDecimal(centi, 2));
  return negative && centi > 0n ? `-${text}` : text;
}

/** Exact credits, every decimal kept ("0.45", "12.000001"), thousands grouped. */
export function formatCreditsExact(micro: number): string {
  if (!Number.isSafeInteger(micro)) throw new Error(`micro-credits must be a safe integer, got ${micro}`);
  const text = groupThousands(formatDecimal(BigInt(Math.abs(micro)), 6));
  return micro < 0 ? `-${text}` : text;
}

function groupThousands(decimal: string): string {
  const [whole, fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Money in minor units for people: "$12.35", "12.35 EUR". */
export function formatMoney(minor: number, currency: string): string {
  return formatMoneyMinor(minor, currency);
}

/** An exact unrounded amount in minor units ("4320.5") as money with every decimal ("$43.205"). */
export function formatExactMoney(exactMinor: string, currency: string): string {
  const negative = exactMinor.startsWith('-');
  const d = parseDecimal(negative ? exactMinor.slice(1) : exactMinor);
  const text = formatDecimal(d.units, d.scale + 2, 2);
  const signed = negative ? `-${text}` : text;
  return currency === 'USD' ? `$${signed}` : `${signed} ${currency}`;
}

/** A unit price (exact major units, "0.035") as money: "$0.035", "$14.00". */
export function formatUnitPrice(unitPrice: string, currency: string): string {
  const d = parseDecimal(unitPrice);
  const text = formatDecimal(d.units, d.scale, 2);
  return currency === 'USD' ? `$${text}` : `${text} ${currency}`;
}

/** Whole percent of `part` in `whole`, floored, clamped to 0–100 (0 when whole is 0). */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const p = Math.floor((Math.max(0, part) * 100) / whole);
  return Math.min(100, p);
}

/** A date of an ISO instant in the user's locale, e.g. "Nov 24, 2026". */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** A cycle as "Nov 1, 2026 – Dec 1, 2026" (the end is exclusive: the day the next one starts). */
export function formatCycle(cycle: { start: string; end: string }): string {
  return `${formatDay(cycle.start)} – ${formatDay(cycle.end)}`;
}
