// Plan names for people, from the shared plan catalog.
import { AI_ADDON, PLANS, planTerms, type PlanId } from '../../../shared/billing/plans';

export function planLabel(plan: PlanId, aiAddon: boolean): string {
  return aiAddon && PLANS[plan].aiAddonAvailable ? `${PLANS[plan].name} + ${AI_ADDON.name}` : PLANS[plan].name;
}

/** One line about what a plan gives each member: "400 credits/user, PAYG $0.035/credit". */
export function planSummary(plan: PlanId, aiAddon: boolean): string {
  const terms = planTerms(plan, aiAddon && PLANS[plan].aiAddonAvailable);
  const credits = `${terms.allotmentMicro / 1_000_000} credits/user per cycle`;
  return terms.paygPricePerCredit ? `${credits}, pay-as-you-go $${terms.paygPricePerCredit}/credit` : `${credits}, no pay-as-you-go`;
}
