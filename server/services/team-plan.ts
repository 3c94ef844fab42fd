// Which plan a team had at an instant: cycles are invoiced on the plan in force at their end,
// read back from the audit log's plan changes.
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

/** The plan in force just before `before` (exclusive). */
export async function planInForceBefore(db: Db | Tx, team: TeamRow, before: string): Promise<PlanChoice> {
  const changes = await planChanges(db, team.id);
  let choice: PlanChoice | null = null;
  for (const c of changes) if (c.at < before) choice = asChoice(c.after) ?? choice;
  if (choice) return choice;
  const firstLater = changes.find((c) => c.at >= before);
  return (firstLater && asChoice(firstLater.before)) ?? currentPlan(team);
}
