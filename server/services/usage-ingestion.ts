// Usage ingestion (DESIGN §4–6, issue 5). A batch of up to 1,000 events from one user, in one
// transaction:
// - each event is stored once by id: a replay is a duplicate and costs nothing; the same id with a
//   different payload (or from another user) is rejected;
// - the server recomputes the credits from the token counts with the rate card version the event
//   names (an unknown version is rejected) — the client's arithmetic is never trusted;
// - the cost burns the user's allotment first, then PAYG if a billing user enabled it for the
//   member, else it is booked as unfunded overrun (kept, visible, never billed);
// - an event from the previous cycle lands there within 24 hours of its end unless that cycle's
//   invoice is final (or the team did not exist then); otherwise it lands in the current cycle,
//   marked late;
// - an event more than 5 minutes in the future is rejected.
// Concurrency: on PostgreSQL the team row is share-locked (close-cycles takes it exclusively) and
// the user row is locked for update, so batches of one user serialize and never double-spend; on
// SQLite the IMMEDIATE transaction does the same.
import { createHash } from 'node:crypto';
import { MAX_CYCLE_MICRO_PER_USER, type RejectReason, type UsageEvent } from '../../shared/billing/api.js';
import { cycleContaining, GRACE_MS, previousCycle, type Cycle } from '../../shared/billing/cycles.js';
import { actionCostMicro, rateCardByVersion } from '../../shared/billing/rate-card.js';
import type { UsageEventInsert, UserRow } from '../db/schema.js';
import { inTransaction, lockForNoKeyUpdate, lockForShare, RetryableConflict, type Tx } from '../db/transaction.js';
import type { BillingContext } from './context.js';
import { paygActive, totalsFor, type CycleTotals } from './entitlement.js';
import { invoiceExists } from './invoice-store.js';
import { isWatcher, raiseCreditAlerts } from './notifications.js';
import { currentPlan, termsOf } from './team-plan.js';

export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const CHUNK = 200;

export interface Rejection {
  readonly id: string;
  readonly reason: RejectReason;
  readonly message: string;
}

export interface IngestResult {
  readonly accepted: string[];
  readonly duplicates: string[];
  readonly rejected: Rejection[];
}

/** What a replay must match: everything the client sent, with the instant normalized. */
export function payloadHash(event: UsageEvent): string {
  const canonical = JSON.stringify([
    event.deviceId,
    event.seq,
    new Date(event.occurredAt).toISOString(),
    event.kind,
    event.model,
    event.rateCardVersion,
    event.calls.map((c) => [c.inputTokens, c.outputTokens, c.assetWrite]),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Where an event is booked, given the cycles around `now`. */
export function bookingCycle(
  occurredAt: Date,
  billingDay: number,
  current: Cycle,
  previous: Cycle,
  previousOpen: boolean,
): { cycle: Cycle; late: boolean } {
  const natural = cycleContaining(occurredAt, billingDay);
  if (natural.start >= current.start) return { cycle: natural, late: false };
  if (natural.start === previous.start && previousOpen) return { cycle: natural, late: false };
  return { cycle: current, late: true };
}

interface Ledger {
  readonly cycle: Cycle;
  readonly before: CycleTotals;
  after: CycleTotals;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function storedEvents(tx: Tx, ids: readonly string[]): Promise<Map<string, { userId: string; hash: string }>> {
  const found = new Map<string, { userId: string; hash: string }>();
  for (const part of chunks([...new Set(ids)], 500)) {
    const rows = await tx.selectFrom('usage_events').select(['id', 'user_id', 'payload_hash']).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, { userId: r.user_id, hash: r.payload_hash });
  }
  return found;
}

export async function ingestUsage(ctx: BillingContext, userId: string, events: readonly UsageEvent[]): Promise<IngestResult> {
  const kind = ctx.store.kind;
  return inTransaction(ctx.store, async (tx) => {
    const user = await lockForNoKeyUpdate(kind, tx.selectFrom('users').selectAll().where('id', '=', userId)).executeTakeFirstOrThrow();
    const team = await lockForShare(kind, tx.selectFrom('teams').selectAll().where('id', '=', user.team_id)).executeTakeFirstOrThrow();
    const now = ctx.clock.now();
    const nowText = now.toISOString();
    const terms = termsOf(currentPlan(team));
    const payg = paygActive(terms, user);
    const current = cycleContaining(now, team.billing_day);
    const previous = previousCycle(current, team.billing_day);
    // The previous cycle takes late events during the grace, unless its invoice is final — or the
    // team did not exist yet then (close-cycles never invoices a cycle before the team's first).
    const previousOpen =
      team.created_at < previous.end && now.getTime() < Date.parse(previous.end) + GRACE_MS && !(await invoiceExists(tx, team.id, previous.start));

    const stored = await storedEvents(tx, events.map((e) => e.id));
    const ledgers = new Map<string, Ledger>();
    const rows: UsageEventInsert[] = [];
    const result: IngestResult = { accepted: [], duplicates: [], rejected: [] };
    const reject = (id: string, reason: RejectReason, message: string) => result.rejected.push({ id, reason, message });

    for (const event of events) {
      const hash = payloadHash(event);
      const prior = stored.get(event.id);
      if (prior) {
        if (prior.userId === userId && prior.hash === hash) result.duplicates.push(event.id);
        else reject(event.id, 'id_reused_with_different_payload', 'An event with this id was already recorded with a different payload.');
        continue;
      }
      const occurredAt = new Date(event.occurredAt);
      if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        reject(event.id, 'occurred_in_future', 'The event occurred more than 5 minutes in the future; check the device clock.');
        continue;
      }
      const card = rateCardByVersion(event.rateCardVersion);
      if (!card) {
        reject(event.id, 'unknown_rate_card_version', `Rate card version ${event.rateCardVersion} is unknown to this server.`);
        continue;
      }

      const cost = actionCostMicro(card, event.model, event.calls);
      const { cycle, late } = bookingCycle(occurredAt, team.billing_day, current, previous, previousOpen);
      let ledger = ledgers.get(cycle.start);
      if (!ledger) {
        const before = await totalsFor(tx, userId, cycle.start);
        ledger = { cycle, before, after: before };
        ledgers.set(cycle.start, ledger);
      }
      const booked = ledger.after.includedMicro + ledger.after.paygMicro + ledger.after.unfundedMicro;
      if (booked + cost > MAX_CYCLE_MICRO_PER_USER) {
        reject(event.id, 'cycle_limit_exceeded', 'This event would take your usage in one cycle beyond 100 million credits.');
        continue;
      }
      const included = Math.min(cost, Math.max(0, terms.allotmentMicro - ledger.after.includedMicro));
      const overrun = cost - included;
      const paygPart = payg ? overrun : 0;
      const unfunded = overrun - paygPart;
      ledger.after = {
        includedMicro: ledger.after.includedMicro + included,
        paygMicro: ledger.after.paygMicro + paygPart,
        unfundedMicro: ledger.after.unfundedMicro + unfunded,
      };
      stored.set(event.id, { userId, hash });
      result.accepted.push(event.id);
      rows.push({
        id: event.id,
        team_id: team.id,
        user_id: userId,
        device_id: event.deviceId,
        seq: event.seq,
        occurred_at: occurredAt.toISOString(),
        received_at: nowText,
        kind: event.kind,
        model: event.model,
        rate_card_version: event.rateCardVersion,
        calls: JSON.stringify(event.calls),
        payload_hash: hash,
        credits_micro: cost,
        included_micro: included,
        payg_micro: paygPart,
        unfunded_micro: unfunded,
        cycle_start: cycle.start,
        booked_day: (late ? nowText : occurredAt.toISOString()).slice(0, 10),
        late: late ? 1 : 0,
      });
    }

    for (const part of chunks(rows, CHUNK)) {
      const inserted = await tx.insertInto('usage_events').values(part).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
      // Another user's transaction took one of these ids meanwhile: start over and see it as stored.
      if (inserted.length !== part.length) throw new RetryableConflict('usage event id taken concurrently');
    }

    let watchers: UserRow[] | undefined;
    for (const ledger of ledgers.values()) {
      await addToTotals(tx, team.id, userId, ledger);
      if (ledger.after === ledger.before) continue;
      watchers ??= (await tx.selectFrom('users').selectAll().where('team_id', '=', team.id).where('removed_at', 'is', null).execute()).filter(isWatcher);
      await raiseCreditAlerts(tx, {
        teamId: team.id,
        subject: user,
        watchers,
        cycle: ledger.cycle,
        allotmentMicro: terms.allotmentMicro,
        before: ledger.before,
        after: ledger.after,
        now: nowText,
      });
    }
    return result;
  });
}

async function addToTotals(tx: Tx, teamId: string, userId: string, ledger: Ledger): Promise<void> {
  const delta = {
    included_micro: ledger.after.includedMicro - ledger.before.includedMicro,
    payg_micro: ledger.after.paygMicro - ledger.before.paygMicro,
    unfunded_micro: ledger.after.unfundedMicro - ledger.before.unfundedMicro,
  };
  await tx
    .insertInto('usage_totals')
    .values({ team_id: teamId, user_id: userId, cycle_start: ledger.cycle.start, cycle_end: ledger.cycle.end, ...delta })
    .onConflict((oc) =>
      oc.columns(['user_id', 'cycle_start']).doUpdateSet((eb) => ({
        included_micro: eb('usage_totals.included_micro', '+', eb.ref('excluded.included_micro')),
        payg_micro: eb('usage_totals.payg_micro', '+', eb.ref('excluded.payg_micro')),
        unfunded_micro: eb('usage_totals.unfunded_micro', '+', eb.ref('excluded.unfunded_micro')),
      })),
    )
    .execute();
}
