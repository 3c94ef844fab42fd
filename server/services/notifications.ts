// Credit alerts as notification records: a member at 75% and 100% of the allotment and on moving
// to pay-as-you-go; admins and billing users hear of a member reaching 75% and moving to PAYG.
// Each alert exists once per recipient, member, kind and cycle (a unique constraint), so racing
// batches and replays cannot repeat it.
import { NotificationKind as NotificationKindSchema, type Notification, type NotificationKind } from '../../shared/billing/api.js';
import type { Cycle } from '../../shared/billing/cycles.js';
import { formatCredits } from '../../shared/billing/money.js';
import type { UserRow } from '../db/schema.js';
import type { Db, Tx } from '../db/transaction.js';
import type { CycleTotals } from './entitlement.js';
import { newId } from './ids.js';
import { rolesOf, toUserRef } from './users.js';

export interface AlertInput {
  readonly teamId: string;
  readonly subject: UserRow;
  /** Active admins and billing users of the team. */
  readonly watchers: readonly UserRow[];
  readonly cycle: Cycle;
  readonly allotmentMicro: number;
  readonly before: CycleTotals;
  readonly after: CycleTotals;
  readonly now: string;
}

/** The alerts a change of totals crosses into. */
export function crossedAlerts(allotmentMicro: number, before: CycleTotals, after: CycleTotals): NotificationKind[] {
  const kinds: NotificationKind[] = [];
  if (before.includedMicro * 4 < allotmentMicro * 3 && after.includedMicro * 4 >= allotmentMicro * 3) kinds.push('credits_75');
  if (before.includedMicro < allotmentMicro && after.includedMicro >= allotmentMicro) kinds.push('credits_100');
  if (before.paygMicro === 0 && after.paygMicro > 0) kinds.push('payg_started');
  return kinds;
}

const WATCHED: ReadonlySet<NotificationKind> = new Set(['credits_75', 'payg_started']);

function message(kind: NotificationKind, subject: UserRow, aboutSelf: boolean, allotmentMicro: number): string {
  const credits = formatCredits(allotmentMicro);
  const who = `${subject.name} (${subject.email})`;
  switch (kind) {
    case 'credits_75':
      return aboutSelf ? `You have used 75% of your ${credits} monthly credits.` : `${who} has used 75% of their ${credits} monthly credits.`;
    case 'credits_100':
      return `You have used all ${credits} of your monthly credits.`;
    case 'payg_started':
      return aboutSelf ? 'Your AI usage is now billed as pay-as-you-go.' : `${who} has moved to pay-as-you-go.`;
  }
}

export async function raiseCreditAlerts(tx: Tx, input: AlertInput): Promise<void> {
  const kinds = crossedAlerts(input.allotmentMicro, input.before, input.after);
  if (kinds.length === 0) return;
  const rows = [];
  for (const kind of kinds) {
    const recipients = [input.subject, ...(WATCHED.has(kind) ? input.watchers.filter((w) => w.id !== input.subject.id) : [])];
    for (const recipient of recipients) {
      rows.push({
        id: newId(),
        team_id: input.teamId,
        recipient_id: recipient.id,
        subject_id: input.subject.id,
        kind,
        cycle_start: input.cycle.start,
        cycle_end: input.cycle.end,
        message: message(kind, input.subject, recipient.id === input.subject.id, input.allotmentMicro),
        created_at: input.now,
        read_at: null,
      });
    }
  }
  await tx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['recipient_id', 'subject_id', 'kind', 'cycle_start']).doNothing())
    .execute();
}

export const isWatcher = (u: UserRow): boolean => rolesOf(u).some((r) => r === 'admin' || r === 'billing');

/** Newest first. */
export async function listNotifications(db: Db, recipientId: string, limit: number): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('users as s', 's.id', 'n.subject_id')
    .select(['n.id', 'n.kind', 'n.created_at', 'n.cycle_start', 'n.cycle_end', 'n.message', 'n.read_at', 's.id as subject_id', 's.email', 's.name'])
    .where('n.recipient_id', '=', recipientId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: NotificationKindSchema.parse(r.kind),
    createdAt: r.created_at,
    cycle: { start: r.cycle_start, end: r.cycle_end },
    subject: toUserRef({ id: r.subject_id, email: r.email, name: r.name }),
    aboutSelf: r.subject_id === recipientId,
    message: r.message,
    readAt: r.read_at,
  }));
}

export async function markNotificationsRead(tx: Tx, recipientId: string, ids: readonly string[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await tx
    .updateTable('notifications')
    .set({ read_at: now })
    .where('recipient_id', '=', recipientId)
    .where('id', 'in', ids)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
