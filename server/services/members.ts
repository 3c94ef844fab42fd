// Members: invite (with a password given or generated), remove (tokens revoked, usage kept), roles.
// A team always keeps at least one admin.
import type { InviteMemberRequest, Member, Role } from '../../shared/billing/api.js';
import type { UserRow } from '../db/schema.js';
import { inTransaction, isUniqueViolation, lockForNoKeyUpdate, type Tx } from '../db/transaction.js';
import { conflict, notFound, refused } from '../http/problem.js';
import { recordAudit } from './audit.js';
import type { BillingContext } from './context.js';
import { nowIso } from './context.js';
import { newId } from './ids.js';
import { generatePassword, hashPassword } from './passwords.js';
import { revokeAllTokensOf } from './tokens.js';
import { activeMembers, encodeRoles, normalizeEmail, rolesOf, toMember } from './users.js';

const snapshotOf = (u: UserRow) => ({ email: u.email, name: u.name, roles: rolesOf(u) });

/**
 * The team's current members, locked (PostgreSQL) until the transaction ends: two admins demoting
 * or removing each other at once then run one after the other, and the second sees the first's
 * change — so the last admin is never lost. SQLite's IMMEDIATE transaction already serializes.
 */
async function lockMembers(ctx: BillingContext, tx: Tx, teamId: string): Promise<UserRow[]> {
  const q = tx.selectFrom('users').selectAll().where('team_id', '=', teamId).where('removed_at', 'is', null).orderBy('id');
  return lockForNoKeyUpdate(ctx.store.kind, q).execute();
}

function assertAnotherAdminRemains(members: readonly UserRow[], userId: string): void {
  const admins = members.filter((u) => u.id !== userId && rolesOf(u).includes('admin'));
  if (admins.length === 0) throw refused('A team must keep at least one admin.');
}

export async function listMembers(ctx: BillingContext, teamId: string): Promise<Member[]> {
  return (await activeMembers(ctx.store.db, teamId)).map(toMember);
}

export async function inviteMember(ctx: BillingContext, actorId: string, teamId: string, input: InviteMemberRequest): Promise<{ user: Member; password: string }> {
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const email = normalizeEmail(input.email);
  const taken = () => conflict('A user with this email already exists.');
  const invite = inTransaction(ctx.store, async (tx) => {
    const now = nowIso(ctx);
    const existing = await tx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    if (existing && (existing.team_id !== teamId || existing.removed_at === null)) throw taken();
    const fields = { name: input.name, roles: encodeRoles(input.roles), password_hash: passwordHash };
    let userId: string;
    if (existing) {
      // A removed member comes back: same id, so their past usage stays theirs.
      userId = existing.id;
      await tx.updateTable('users').set({ ...fields, removed_at: null, payg_enabled: 0, created_at: now }).where('id', '=', userId).execute();
    } else {
      userId = newId();
      await tx
        .insertInto('users')
        .values({ id: userId, team_id: teamId, email, ...fields, ai_enabled: 1, payg_enabled: 0, created_at: now, removed_at: null })
        .execute();
    }
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    await recordAudit(tx, { teamId, actorId, action: 'member.invite', target: `user:${userId}`, before: null, after: snapshotOf(user), at: now });
    return { user: toMember(user), password };
  });
  // The same email invited twice at once: on PostgreSQL the second insert meets the first's row.
  return invite.catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
}

export async function removeMember(ctx: BillingContext, actorId: string, teamId: string, userId: string): Promise<void> {
  await inTransaction(ctx.store, async (tx) => {
    const members = await lockMembers(ctx, tx, teamId);
    const user = members.find((u) => u.id === userId);
    if (!user) throw notFound('No such member in this team.');
    if (rolesOf(user).includes('admin')) assertAnotherAdminRemains(members, userId);
    const now = nowIso(ctx);
    await tx.updateTable('users').set({ removed_at: now }).where('id', '=', userId).execute();
    await revokeAllTokensOf(tx, userId, now);
    await recordAudit(tx, { teamId, actorId, action: 'member.remove', target: `user:${userId}`, before: snapshotOf(user), after: null, at: now });
  });
}

export async function setMemberRoles(ctx: BillingContext, actorId: string, teamId: string, userId: string, roles: readonly Role[]): Promise<Member> {
  return inTransaction(ctx.store, async (tx) => {
    const members = await lockMembers(ctx, tx, teamId);
    const user = members.find((u) => u.id === userId);
    if (!user) throw notFound('No such member in this team.');
    const before = rolesOf(user);
    const after = rolesOf({ roles: encodeRoles(roles) });
    if (before.includes('admin') && !after.includes('admin')) assertAnotherAdminRemains(members, userId);
    if (before.join(',') !== after.join(',')) {
      await tx.updateTable('users').set({ roles: encodeRoles(after) }).where('id', '=', userId).execute();
      await recordAudit(tx, { teamId, actorId, action: 'member.roles', target: `user:${userId}`, before: { roles: before }, after: { roles: after }, at: nowIso(ctx) });
    }
    return toMember(await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow());
  });
}
