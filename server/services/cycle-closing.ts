// close-cycles: every cycle that ended before `now` gets its team's one invoice. Safe to run twice
// or at the same time: each cycle closes in a transaction that locks the team row (PostgreSQL) or
// the database (SQLite), skips a cycle already invoiced, and the unique (team, cycle) constraint
// turns any remaining race into a no-op. Ingestion share-locks the same team row, so no event can
// slip into a cycle while its invoice is being written, and a final invoice never changes.
import { cycleContaining, nextCycle, type Cycle } from '../../shared/billing/cycles.js';
import { CURRENCY } from '../../shared/billing/money.js';
import { sumInt } from '../db/aggregates.js';
import type { TeamRow } from '../db/schema.js';
import { inTransaction, lockForUpdate, type Tx } from '../db/transaction.js';
import type { BillingContext } from './context.js';
import { newId } from './ids.js';
import { invoiceLines, invoiceTotal } from './invoice-lines.js';
import { cyclePricing } from './team-plan.js';

export interface ClosedCycle {
  readonly teamId: string;
  readonly invoiceId: string;
  readonly cycle: Cycle;
  readonly totalMinor: number;
}

/** Members who belonged to the team at any time during the cycle. */
export async function seatsDuring(tx: Tx, teamId: string, cycle: Cycle): Promise<number> {
  const row = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('seats'))
    .where('team_id', '=', teamId)
    .where('created_at', '<', cycle.end)
    .where((eb) => eb.or([eb('removed_at', 'is', null), eb('removed_at', '>', cycle.start)]))
    .executeTakeFirstOrThrow();
  return Number(row.seats);
}

export async function teamPaygMicro(tx: Tx, teamId: string, cycleStart: string): Promise<number> {
  const row = await tx
    .selectFrom('usage_totals')
    .select(sumInt('payg_micro').as('payg'))
    .where('team_id', '=', teamId)
    .where('cycle_start', '=', cycleStart)
    .executeTakeFirstOrThrow();
  return Number(row.payg);
}

async function closeCycle(ctx: BillingContext, teamId: string, cycle: Cycle, issuedAt: string): Promise<ClosedCycle | null> {
  return inTransaction(ctx.store, async (tx) => {
    const team = await lockForUpdate(ctx.store.kind, tx.selectFrom('teams').selectAll().where('id', '=', teamId)).executeTakeFirstOrThrow();
    const existing = await tx.selectFrom('invoices').select('id').where('team_id', '=', teamId).where('cycle_start', '=', cycle.start).executeTakeFirst();
    if (existing) return null;
    const pricing = await cyclePricing(tx, team, cycle);
    const lines = invoiceLines({ ...pricing, seats: await seatsDuring(tx, teamId, cycle), paygMicro: await teamPaygMicro(tx, teamId, cycle.start) });
    const invoiceId = newId();
    const totalMinor = invoiceTotal(lines);
    const inserted = await tx
      .insertInto('invoices')
      .values({
        id: invoiceId,
        team_id: teamId,
        cycle_start: cycle.start,
        cycle_end: cycle.end,
        currency: team.currency || CURRENCY,
        total_minor: totalMinor,
        lines: JSON.stringify(lines),
        issued_at: issuedAt,
      })
      .onConflict((oc) => oc.columns(['team_id', 'cycle_start']).doNothing())
      .returning('id')
      .execute();
    return inserted.length === 1 ? { teamId, invoiceId, cycle, totalMinor } : null;
  });
}

async function firstOpenCycle(ctx: BillingContext, team: TeamRow): Promise<Cycle> {
  const last = await ctx.store.db
    .selectFrom('invoices')
    .select('cycle_end')
    .where('team_id', '=', team.id)
    .orderBy('cycle_start', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? cycleContaining(last.cycle_end, team.billing_day) : cycleContaining(team.created_at, team.billing_day);
}

/** Closes every cycle of every team that ended at or before `now`; returns the invoices it issued. */
export async function closeCycles(ctx: BillingContext, now: Date): Promise<ClosedCycle[]> {
  const closed: ClosedCycle[] = [];
  const teams = await ctx.store.db.selectFrom('teams').selectAll().orderBy('created_at').execute();
  for (const team of teams) {
    for (let cycle = await firstOpenCycle(ctx, team); Date.parse(cycle.end) <= now.getTime(); cycle = nextCycle(cycle, team.billing_day)) {
      const result = await closeCycle(ctx, team.id, cycle, now.toISOString());
      if (result) closed.push(result);
    }
  }
  return closed;
}
