// An invoice's lines: plan seats, AI add-on seats and one team-level "AI credit usage
// (pay-as-you-go)" line = the team's PAYG credits for the cycle × the plan's rate — never per seat.
// Each line's amount is rounded half to even to whole cents, with the exact amount beside it; the
// total is the sum of the rounded lines.
import type { InvoiceLine } from '../../shared/billing/api.js';
import { creditsAmount, formatCredits, formatPrice, lineAmount } from '../../shared/billing/money.js';
import { PLANS, type PlanTerms } from '../../shared/billing/plans.js';

export const CREDIT_USAGE_DESCRIPTION = 'AI credit usage (pay-as-you-go)';

export interface InvoiceInputs {
  readonly terms: PlanTerms;
  readonly seats: number;
  readonly paygMicro: number;
  /** The cycle's PAYG rate (see cyclePricing); the PAYG line is left out only when it is null. */
  readonly paygPricePerCredit: string | null;
}

export function invoiceLines({ terms, seats, paygMicro, paygPricePerCredit }: InvoiceInputs): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  const seatAmount = lineAmount(seats, terms.seatPrice);
  lines.push({
    kind: 'seats',
    description: `${PLANS[terms.plan].name} plan seats`,
    quantity: String(seats),
    unitPrice: formatPrice(terms.seatPrice),
    amountMinor: seatAmount.amountMinor,
    amountExactMinor: seatAmount.exactMinor,
  });
  if (terms.aiAddonSeatPrice !== null) {
    const addon = lineAmount(seats, terms.aiAddonSeatPrice);
    lines.push({
      kind: 'ai_addon',
      description: 'AI add-on seats',
      quantity: String(seats),
      unitPrice: formatPrice(terms.aiAddonSeatPrice),
      amountMinor: addon.amountMinor,
      amountExactMinor: addon.exactMinor,
    });
  }
  if (paygPricePerCredit !== null) {
    const usage = creditsAmount(paygMicro, paygPricePerCredit);
    lines.push({
      kind: 'ai_credit_usage',
      description: CREDIT_USAGE_DESCRIPTION,
      quantity: formatCredits(paygMicro),
      unitPrice: formatPrice(paygPricePerCredit),
      amountMinor: usage.amountMinor,
      amountExactMinor: usage.exactMinor,
    });
  }
  return lines;
}

export const invoiceTotal = (lines: readonly InvoiceLine[]): number => lines.reduce((sum, l) => sum + l.amountMinor, 0);
