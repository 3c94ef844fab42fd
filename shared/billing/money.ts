// Exact money arithmetic. Credits are integer micro-credits; money is integer minor units (cents)
// with the unrounded amount kept beside it as an exact decimal string. Prices per credit may carry
// more decimals than cents, so they are stored as exact decimal strings ("0.035") and multiplied
// with BigInt — never with floating point.
//
// The one rounding rule: an invoice line's amount is rounded to whole minor units with round half
// to even (banker's rounding); totals are sums of the rounded lines.

export const MICRO_PER_CREDIT = 1_000_000;
export const MINOR_PER_MAJOR = 100;
export const CURRENCY = 'USD';

const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

/** An exact non-negative decimal: value = units / 10^scale. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export function isDecimalString(text: string): boolean {
  return DECIMAL.test(text);
}

export function parseDecimal(text: string): Decimal {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`not an exact non-negative decimal: ${JSON.stringify(text)}`);
  const fraction = (m[2] ?? '').slice(1);
  return { units: BigInt(m[1] + fraction), scale: fraction.length };
}

/** Writes units / 10^scale exactly, without trailing fractional zeros, with at least `minFraction` decimals. */
export function formatDecimal(units: bigint, scale: number, minFraction = 0): string {
  if (units < 0n) return '-' + formatDecimal(-units, scale, minFraction);
  const digits = units.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '').padEnd(minFraction, '0');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** numerator / denominator rounded to an integer, ties to the even neighbour. denominator > 0. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const r = n % denominator;
  const twice = r * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** The same for safe JavaScript integers. */
export function divideHalfEvenInt(numerator: number, denominator: number): number {
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  return toSafeNumber(divideHalfEven(BigInt(numerator), BigInt(denominator)));
}

export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a safe integer, got ${value}`);
}

export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`integer out of the safe range: ${value}`);
  }
  return Number(value);
}

/** An amount of money: rounded minor units plus the exact unrounded amount in minor units. */
export interface Amount {
  readonly amountMinor: number;
  readonly exactMinor: string;
}

function amountOf(numerator: bigint, scale: number): Amount {
  return {
    amountMinor: toSafeNumber(divideHalfEven(numerator, 10n ** BigInt(scale))),
    exactMinor: formatDecimal(numerator, scale),
  };
}

/** Cost of `quantity` units at `unitPrice` (exact decimal, major units per unit). */
export function lineAmount(quantity: number, unitPrice: string): Amount {
  assertSafeInteger(quantity, 'quantity');
  const price = parseDecimal(unitPrice);
  // quantity × units / 10^scale major = quantity × units × 100 / 10^scale minor
  return amountOf(BigInt(quantity) * price.units * BigInt(MINOR_PER_MAJOR), price.scale);
}

/** Cost of micro-credits at `pricePerCredit` (exact decimal, major units per credit). */
export function creditsAmount(micro: number, pricePerCredit: string): Amount {
  assertSafeInteger(micro, 'micro-credits');
  const price = parseDecimal(pricePerCredit);
  // micro / 10^6 credits × units / 10^scale major × 100 minor/major
  return amountOf(BigInt(micro) * price.units * BigInt(MINOR_PER_MAJOR), price.scale + 6);
}

/** A price in major units written with at least two decimals ("14.00", "0.035"). */
export function formatPrice(unitPrice: string): string {
  const d = parseDecimal(unitPrice);
  return formatDecimal(d.units, d.scale, 2);
}

/** Micro-credits as credits, exact ("400", "12.5", "0.000001"). */
export function formatCredits(micro: number): string {
  assertSafeInteger(micro, 'micro-credits');
  return formatDecimal(BigInt(micro), 6);
}

/** Whole credits to micro-credits. */
export function creditsToMicro(credits: number): number {
  assertSafeInteger(credits, 'credits');
  return credits * MICRO_PER_CREDIT;
}

/** Minor units as money for people: "$12.35". */
export function formatMoneyMinor(minor: number, currency: string = CURRENCY): string {
  const text = formatDecimal(BigInt(minor), 2, 2);
  return currency === 'USD' ? `$${text}` : `${text} ${currency}`;
}
