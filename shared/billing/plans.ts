// The plan catalog (server-side defaults, DESIGN §4). Allotments are per user per billing cycle and
// do not roll over. Prices are exact decimal strings in major currency units (USD); never floats.
import { creditsToMicro } from './money.js';

export const PLAN_IDS = ['free', 'basic', 'professional', 'enterprise'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Plan {
  readonly id: PlanId;
  readonly name: string;
  /** Price of one seat per cycle, major units. */
  readonly seatPrice: string;
  /** Credits per user per cycle without the AI add-on. */
  readonly includedCredits: number;
  /** PAYG price per credit, or null when the plan has no pay-as-you-go. */
  readonly paygPricePerCredit: string | null;
  /** Whether the AI add-on can be bought on this plan (only Free: the others include AI). */
  readonly aiAddonAvailable: boolean;
}

export const PLANS: Readonly<Record<PlanId, Plan>> = {
  free: { id: 'free', name: 'Free', seatPrice: '0', includedCredits: 50, paygPricePerCredit: null, aiAddonAvailable: true },
  basic: { id: 'basic', name: 'Basic', seatPrice: '14', includedCredits: 400, paygPricePerCredit: '0.035', aiAddonAvailable: false },
  professional: {
    id: 'professional',
    name: 'Professional',
    seatPrice: '29',
    includedCredits: 400,
    paygPricePerCredit: '0.03',
    aiAddonAvailable: false,
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    seatPrice: '49',
    includedCredits: 1000,
    paygPricePerCredit: '0.025',
    aiAddonAvailable: false,
  },
};

/** The AI add-on for Free teams: 400 credits/user/month and PAYG at $0.04/credit. */
export const AI_ADDON = {
  name: 'AI add-on',
  seatPrice: '9',
  includedCredits: 400,
  paygPricePerCredit: '0.04',
} as const;

/** PAYG members may spend this much beyond their cached remaining credits while offline. */
export const OFFLINE_PAYG_ALLOWANCE_CREDITS = 25;

/** What a team's plan (with or without the add-on) gives each member. */
export interface PlanTerms {
  readonly plan: PlanId;
  readonly aiAddon: boolean;
  readonly planName: string;
  readonly allotmentMicro: number;
  readonly paygAvailable: boolean;
  readonly paygPricePerCredit: string | null;
  readonly seatPrice: string;
  readonly aiAddonSeatPrice: string | null;
}

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

/** Throws when the add-on is asked for on a plan that does not sell it. */
export function planTerms(planId: PlanId, aiAddon: boolean): PlanTerms {
  const plan = PLANS[planId];
  if (aiAddon && !plan.aiAddonAvailable) throw new Error(`the AI add-on is not sold with the ${plan.name} plan`);
  const addon = aiAddon ? AI_ADDON : null;
  const paygPricePerCredit = addon ? addon.paygPricePerCredit : plan.paygPricePerCredit;
  return {
    plan: planId,
    aiAddon,
    planName: addon ? `${plan.name} + ${AI_ADDON.name}` : plan.name,
    allotmentMicro: creditsToMicro(addon ? addon.includedCredits : plan.includedCredits),
    paygAvailable: paygPricePerCredit !== null,
    paygPricePerCredit,
    seatPrice: plan.seatPrice,
    aiAddonSeatPrice: addon ? addon.seatPrice : null,
  };
}
