// Which plan a team had at an instant: cycles are invoiced on the plan in force at their end,
// read back from the audit log's plan changes.
import type { Cycle } from '../../shared/billing/cycles.js';
import { PlanChangeRequest } from '../../shared/billing/api.js';
import { PLANS, planTerms, type PlanId, type PlanTerms } from '../../shared/billing/plans.js';
import type { TeamRow } from '../db/schema.js';
import type { Db, Tx } from '../db/transaction.js';
import { planChanges } from './audit.js';
import { planOf } from './users.js';

export interface PlanChoice {
  readonly plan: PlanId;
  readonly aiAddon: boolean;
}

export const currentPlan = (team: TeamRow): PlanChoice => ({ plan: planOf(team), aiAddon: team.ai_addon === 1 });

export const termsOf = (choice: PlanChoice): PlanTerms => planTerms(choice.plan, choice.aiAddon && PLANS[choice.plan].aiAddonAvailable);

function asChoice(value: unknown): PlanChoice | null {
  const parsed = PlanChangeRequest.safeParse(value);
  return parsed.success ? { plan: parsed.data.plan, aiAddon: parsed.data.aiAddon ?? false } : null;
}

type PlanChange = Awaited<ReturnType<typeof planChanges>>[number];

/** The plan in force just before `before` (exclusive). */
function inForceBefore(team: TeamRow, changes: readonly PlanChange[], before: string): PlanChoice {
  let choice: PlanChoice | null = null;
  for (const c of changes) if (c.at < before) choice = asChoice(c.after) ?? choice;
  if (choice) return choice;
  const firstLater = changes.find((c) => c.at >= before);
  return (firstLater && asChoice(firstLater.before)) ?? currentPlan(team);
}

/** What a cycle is billed on: its plan (the one in force at its end) and the PAYG price per credit. */
export interface CyclePricing {
  readonly terms: PlanTerms;
  /**
   * The PAYG rate of the plan in force at the cycle's end; when that plan has no PAYG (a downgrade
   * to Free during the cycle), the rate of the last plan in force during the cycle that had it — PAYG
   * credits already spent are billed, never dropped. null when no plan of the cycle had PAYG.
   */
  readonly paygPricePerCredit: string | null;
}

export async function cyclePricing(db: Db | Tx, team: TeamRow, cycle: Cycle): Promise<CyclePricing> {
  const changes = await planChanges(db, team.id);
  const terms = termsOf(inForceBefore(team, changes, cycle.end));
  let price = terms.paygPricePerCredit;
  // Walking back through the cycle's changes: each one's `before` is the plan in force until then.
  for (const c of [...changes].reverse()) {
    if (price !== null || c.at <= cycle.start) break;
    if (c.at >= cycle.end) continue;
    const before = asChoice(c.before);
    if (before) price = termsOf(before).paygPricePerCredit;
  }
  return { terms, paygPricePerCredit: price };
}
