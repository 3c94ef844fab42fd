// Creating a team (the `init` operator command): the team, its first admin (admin + billing) and
// a token for that admin.
import { assertBillingDay, billingDayFor } from '../../shared/billing/cycles.js';
import { CURRENCY } from '../../shared/billing/money.js';
import { PLANS, type PlanId } from '../../shared/billing/plans.js';
import { inTransaction } from '../db/transaction.js';
import { recordAudit } from './audit.js';
import type { BillingContext } from './context.js';
import { nowIso } from './context.js';
import { newId } from './ids.js';
import { generatePassword, hashPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { encodeRoles, normalizeEmail } from './users.js';

export interface CreateTeamInput {
  readonly name: string;
  readonly plan: PlanId;
  readonly aiAddon: boolean;
  readonly adminEmail: string;
  readonly adminPassword?: string;
  readonly adminName?: string;
  /** Defaults to today's day of the month (UTC). */
  readonly billingDay?: number;
}

export interface CreatedTeam {
  readonly teamId: string;
  readonly adminUserId: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly adminToken: string;
}

export class TeamSetupError extends Error {}

export async function createTeam(ctx: BillingContext, input: CreateTeamInput): Promise<CreatedTeam> {
  if (!input.name.trim()) throw new TeamSetupError('the team needs a name');
  if (input.aiAddon && !PLANS[input.plan].aiAddonAvailable) {
    throw new TeamSetupError(`the AI add-on is only sold with the Free plan; ${PLANS[input.plan].name} includes AI`);
  }
  const now = nowIso(ctx);
  const billingDay = input.billingDay ?? billingDayFor(now);
  assertBillingDay(billingDay);
  const adminEmail = normalizeEmail(input.adminEmail);
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) throw new TeamSetupError(`not an email address: ${input.adminEmail}`);
  const adminPassword = input.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(adminPassword);

  return inTransaction(ctx.store, async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', adminEmail).executeTakeFirst();
    if (taken) throw new TeamSetupError(`a user with the email ${adminEmail} already exists`);
    const teamId = newId();
    const adminUserId = newId();
    await tx
      .insertInto('teams')
      .values({ id: teamId, name: input.name.trim(), plan: input.plan, ai_addon: input.aiAddon ? 1 : 0, ai_enabled: 1, billing_day: billingDay, currency: CURRENCY, created_at: now })
      .execute();
    await tx
      .insertInto('users')
      .values({
        id: adminUserId,
        team_id: teamId,
        email: adminEmail,
        name: input.adminName?.trim() || adminEmail.split('@')[0],
        password_hash: passwordHash,
        roles: encodeRoles(['admin', 'billing']),
        ai_enabled: 1,
        payg_enabled: 0,
        created_at: now,
        removed_at: null,
      })
      .execute();
    await recordAudit(tx, {
      teamId,
      actorId: null,
      action: 'team.create',
      target: `team:${teamId}`,
      before: null,
      after: { name: input.name.trim(), plan: input.plan, aiAddon: input.aiAddon, billingDay, adminEmail },
      at: now,
    });
    const adminToken = await issueToken(tx, adminUserId, now);
    return { teamId, adminUserId, adminEmail, adminPassword, adminToken };
  });
}
