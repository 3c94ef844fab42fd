// AI Credit Details (billing users and admins): the cycle's totals, the accrued PAYG cost, one row
// per member (with their PAYG switch) and a daily series.
import type { AiCreditDetails } from '../../shared/billing/api.js';
import { cycleDays, type Cycle } from '../../shared/billing/cycles.js';
import { creditsAmount, CURRENCY } from '../../shared/billing/money.js';
import { sumInt } from '../db/aggregates.js';
import type { TeamRow } from '../db/schema.js';
import type { BillingContext } from './context.js';
import { paygActive } from './entitlement.js';
import { cyclePricing } from './team-plan.js';
import { rolesOf } from './users.js';

export async function aiCreditDetails(ctx: BillingContext, team: TeamRow, cycle: Cycle): Promise<AiCreditDetails> {
  const { db } = ctx.store;
  const { terms, paygPricePerCredit } = await cyclePricing(db, team, cycle);
  const users = await db.selectFrom('users').selectAll().where('team_id', '=', team.id).orderBy('created_at').orderBy('email').execute();
  const totals = await db
    .selectFrom('usage_totals')
    .select(['user_id', 'included_micro', 'payg_micro', 'unfunded_micro'])
    .where('team_id', '=', team.id)
    .where('cycle_start', '=', cycle.start)
    .execute();
  const byUser = new Map(totals.map((t) => [t.user_id, t]));

  const members = users
    .filter((u) => u.removed_at === null || byUser.has(u.id))
    .map((u) => {
      const t = byUser.get(u.id);
      const included = t?.included_micro ?? 0;
      const payg = t?.payg_micro ?? 0;
      const unfunded = t?.unfunded_micro ?? 0;
      return {
        userId: u.id,
        email: u.email,
        name: u.name,
        roles: rolesOf(u),
        allotmentMicro: terms.allotmentMicro,
        includedUsedMicro: included,
        paygMicro: payg,
        unfundedMicro: unfunded,
        creditsUsedMicro: included + payg + unfunded,
        paygEnabled: u.removed_at === null && paygActive(terms, u),
        removed: u.removed_at !== null,
      };
    });

  const sum = (pick: (m: (typeof members)[number]) => number) => members.reduce((s, m) => s + pick(m), 0);
  const paygMicro = sum((m) => m.paygMicro);
  const accrued = paygPricePerCredit ? creditsAmount(paygMicro, paygPricePerCredit) : { amountMinor: 0, exactMinor: '0' };

  const dailyRows = await db
    .selectFrom('usage_events')
    .select(['booked_day', sumInt('credits_micro').as('credits')])
    .where('team_id', '=', team.id)
    .where('cycle_start', '=', cycle.start)
    .groupBy('booked_day')
    .execute();
  const byDay = new Map(dailyRows.map((r) => [r.booked_day, Number(r.credits)]));

  return {
    cycle: { start: cycle.start, end: cycle.end },
    totals: {
      creditsUsedMicro: sum((m) => m.creditsUsedMicro),
      includedUsedMicro: sum((m) => m.includedUsedMicro),
      paygMicro,
      unfundedMicro: sum((m) => m.unfundedMicro),
      accruedPaygCostMinor: accrued.amountMinor,
      accruedPaygCostExactMinor: accrued.exactMinor,
      currency: team.currency || CURRENCY,
    },
    members,
    daily: cycleDays(cycle).map((date) => ({ date, creditsUsedMicro: byDay.get(date) ?? 0 })),
  };
}
