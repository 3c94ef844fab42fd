// The entitlement snapshot (DESIGN §5–6): what the client caches to decide before an action.
import type { AiState, Entitlement, Role } from '../../shared/billing/api.js';
import { cycleContaining, type Cycle } from '../../shared/billing/cycles.js';
import { aiOffMessage } from '../../shared/billing/decide-action.js';
import { creditsToMicro } from '../../shared/billing/money.js';
import { OFFLINE_PAYG_ALLOWANCE_CREDITS, type PlanTerms } from '../../shared/billing/plans.js';
import { CURRENT_RATE_CARD } from '../../shared/billing/rate-card.js';
import type { TeamRow, UserRow } from '../db/schema.js';
import type { Db, Tx } from '../db/transaction.js';
import { currentPlan, termsOf } from './team-plan.js';
import { rolesOf, toTeamRef, toUserRef } from './users.js';

export interface CycleTotals {
  readonly includedMicro: number;
  readonly paygMicro: number;
  readonly unfundedMicro: number;
}

export const ZERO_TOTALS: CycleTotals = { includedMicro: 0, paygMicro: 0, unfundedMicro: 0 };

export async function totalsFor(db: Db | Tx, userId: string, cycleStart: string): Promise<CycleTotals> {
  const row = await db
    .selectFrom('usage_totals')
    .select(['included_micro', 'payg_micro', 'unfunded_micro'])
    .where('user_id', '=', userId)
    .where('cycle_start', '=', cycleStart)
    .executeTakeFirst();
  return row ? { includedMicro: row.included_micro, paygMicro: row.payg_micro, unfundedMicro: row.unfunded_micro } : ZERO_TOTALS;
}

/** Enterprise: the team switch (an admin changes it); other plans: the user's own switch. */
export function aiStateOf(team: TeamRow, user: UserRow, roles: readonly Role[]): AiState {
  if (team.plan === 'enterprise') {
    return team.ai_enabled === 1
      ? { enabled: true, reason: null, changeableBy: null, message: null }
      : { enabled: false, reason: 'team_ai_off', changeableBy: 'admin', message: aiOffMessage('team_ai_off', roles) };
  }
  return user.ai_enabled === 1
    ? { enabled: true, reason: null, changeableBy: null, message: null }
    : { enabled: false, reason: 'user_ai_off', changeableBy: 'self', message: aiOffMessage('user_ai_off', roles) };
}

/** PAYG applies when the plan has it and a billing user enabled it for the member. */
export const paygActive = (terms: PlanTerms, user: Pick<UserRow, 'payg_enabled'>): boolean => terms.paygAvailable && user.payg_enabled === 1;

export const currentCycleOf = (team: TeamRow, now: Date): Cycle => cycleContaining(now, team.billing_day);

export async function entitlementFor(db: Db | Tx, user: UserRow, team: TeamRow, now: Date): Promise<Entitlement> {
  const cycle = currentCycleOf(team, now);
  const terms = termsOf(currentPlan(team));
  const totals = await totalsFor(db, user.id, cycle.start);
  const roles = rolesOf(user);
  const payg = paygActive(terms, user);
  return {
    user: toUserRef(user),
    team: toTeamRef(team),
    roles,
    cycle: { start: cycle.start, end: cycle.end },
    ai: aiStateOf(team, user, roles),
    allotmentMicro: terms.allotmentMicro,
    includedUsedMicro: totals.includedMicro,
    paygEnabled: payg,
    paygMicro: totals.paygMicro,
    unfundedMicro: totals.unfundedMicro,
    offlineAllowanceMicro: payg ? creditsToMicro(OFFLINE_PAYG_ALLOWANCE_CREDITS) : 0,
    rateCard: { ...CURRENT_RATE_CARD, tiers: CURRENT_RATE_CARD.tiers.map((t) => ({ ...t, models: [...t.models] })) },
    issuedAt: now.toISOString(),
  };
}
