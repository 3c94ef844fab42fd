// npm run server -- init --team NAME --plan free|basic|professional|enterprise [--ai-addon]
//   --admin-email E [--admin-password P] [--admin-name N] [--billing-day 1-31] [--now ISO]
// → one JSON line: {"teamId","adminEmail","adminPassword","adminToken"}
import { isPlanId, PLAN_IDS } from '../../shared/billing/plans.js';
import { parseInstant, type Clock } from '../clock.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Store } from '../db/store.js';
import { createTeam } from '../services/teams.js';
import { allowOnly, parseArgs, required, UsageError } from './args.js';

export async function initCommand(argv: readonly string[], store: Store, clock: Clock): Promise<Record<string, string>> {
  const args = parseArgs(argv, ['ai-addon']);
  allowOnly(args, ['team', 'plan', 'ai-addon', 'admin-email', 'admin-password', 'admin-name', 'billing-day', 'now']);
  const plan = required(args, 'plan');
  if (!isPlanId(plan)) throw new UsageError(`--plan must be one of ${PLAN_IDS.join('|')}`);
  const billingDayText = args.values.get('billing-day');
  const billingDay = billingDayText === undefined ? undefined : Number(billingDayText);
  if (billingDay !== undefined && !(Number.isInteger(billingDay) && billingDay >= 1 && billingDay <= 31)) {
    throw new UsageError('--billing-day must be 1–31');
  }
  const nowText = args.values.get('now');
  const at = nowText ? parseInstant(nowText, '--now') : null;
  const ctxClock: Clock = at ? { now: () => at } : clock;

  await migrateToLatest(store);
  const created = await createTeam(
    { store, clock: ctxClock },
    {
      name: required(args, 'team'),
      plan,
      aiAddon: args.flags.has('ai-addon'),
      adminEmail: required(args, 'admin-email'),
      adminPassword: args.values.get('admin-password'),
      adminName: args.values.get('admin-name'),
      billingDay,
    },
  );
  return { teamId: created.teamId, adminEmail: created.adminEmail, adminPassword: created.adminPassword, adminToken: created.adminToken };
}
