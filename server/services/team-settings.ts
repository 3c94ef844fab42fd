// Settings changes, each audited (who, what, when, before → after): the plan and AI add-on
// (billing), the Enterprise team AI switch (admin), PAYG per member (billing) and a user's own AI
// switch (non-Enterprise).
import type { Member, Team } from '../../shared/billing/api.js';
import { PLANS, type PlanId } from '../../shared/billing/plans.js';
import { notFound, refused } from '../http/problem.js';
import { inTransaction, lockForNoKeyUpdate } from '../db/transaction.js';
import { recordAudit } from './audit.js';
import type { BillingContext } from './context.js';
import { nowIso } from './context.js';
import { currentPlan, termsOf } from './team-plan.js';
import { getTeam, toMember, toTeam } from './users.js';

export async function changePlan(ctx: BillingContext, actorId: string, teamId: string, plan: PlanId, aiAddon: boolean): Promise<Team> {
  if (aiAddon && !PLANS[plan].aiAddonAvailable) {
    throw refused(`The AI add-on is only sold with the Free plan; the ${PLANS[plan].name} plan includes AI.`);
  }
  return inTransaction(ctx.store, async (tx) => {
    const team = await lockForNoKeyUpdate(ctx.store.kind, tx.selectFrom('teams').selectAll().where('id', '=', teamId)).executeTakeFirstOrThrow();
    const before = currentPlan(team);
    if (before.plan !== plan || before.aiAddon !== aiAddon) {
      await tx.updateTable('teams').set({ plan, ai_addon: aiAddon ? 1 : 0 }).where('id', '=', teamId).execute();
      await recordAudit(tx, { teamId, actorId, action: 'team.plan', target: `team:${teamId}`, before, after: { plan, aiAddon }, at: nowIso(ctx) });
    }
    return toTeam(await getTeam(tx, teamId));
  });
}

export async function setTeamAi(ctx: BillingContext, actorId: string, teamId: string, enabled: boolean): Promise<Team> {
  return inTransaction(ctx.store, async (tx) => {
    const team = await getTeam(tx, teamId);
    if (team.plan !== 'enterprise') {
      throw refused('The team-level AI switch exists on the Enterprise plan only; on other plans each user has their own AI switch.');
    }
    if ((team.ai_enabled === 1) !== enabled) {
      await tx.updateTable('teams').set({ ai_enabled: enabled ? 1 : 0 }).where('id', '=', teamId).execute();
      await recordAudit(tx, { teamId, actorId, action: 'team.ai', target: `team:${teamId}`, before: { enabled: !enabled }, after: { enabled }, at: nowIso(ctx) });
    }
    return toTeam(await getTeam(tx, teamId));
  });
}

export async function setMemberPayg(ctx: BillingContext, actorId: string, teamId: string, userId: string, enabled: boolean): Promise<Member> {
  return inTransaction(ctx.store, async (tx) => {
    const team = await getTeam(tx, teamId);
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).where('team_id', '=', teamId).where('removed_at', 'is', null).executeTakeFirst();
    if (!user) throw notFound('No such member in this team.');
    const terms = termsOf(currentPlan(team));
    if (enabled && !terms.paygAvailable) {
      throw refused(`Pay-as-you-go is not available on the ${terms.planName} plan; add the AI add-on or upgrade the plan first.`);
    }
    if ((user.payg_enabled === 1) !== enabled) {
      await tx.updateTable('users').set({ payg_enabled: enabled ? 1 : 0 }).where('id', '=', userId).execute();
      await recordAudit(tx, { teamId, actorId, action: 'member.payg', target: `user:${userId}`, before: { enabled: !enabled }, after: { enabled }, at: nowIso(ctx) });
    }
    return toMember(await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow());
  });
}

export async function setOwnAi(ctx: BillingContext, userId: string, enabled: boolean): Promise<void> {
  await inTransaction(ctx.store, async (tx) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    const team = await getTeam(tx, user.team_id);
    if (team.plan === 'enterprise') {
      throw refused('On the Enterprise plan AI is switched for the whole team by an admin (Team Settings → AI).');
    }
    if ((user.ai_enabled === 1) !== enabled) {
      await tx.updateTable('users').set({ ai_enabled: enabled ? 1 : 0 }).where('id', '=', userId).execute();
      await recordAudit(tx, { teamId: team.id, actorId: userId, action: 'user.ai', target: `user:${userId}`, before: { enabled: !enabled }, after: { enabled }, at: nowIso(ctx) });
    }
  });
}
