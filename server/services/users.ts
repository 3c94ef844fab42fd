// Users and teams as the API shows them, and the lookups every route needs.
import type { Member, Role, Team, TeamRef, UserRef } from '../../shared/billing/api.js';
import { Role as RoleSchema } from '../../shared/billing/api.js';
import { isPlanId, type PlanId } from '../../shared/billing/plans.js';
import type { Db, Tx } from '../db/transaction.js';
import type { TeamRow, UserRow } from '../db/schema.js';

const ROLE_ORDER: readonly Role[] = ['admin', 'billing', 'member'];

export function rolesOf(row: Pick<UserRow, 'roles'>): Role[] {
  const held = new Set(row.roles.split(',').filter((r) => RoleSchema.safeParse(r).success));
  return ROLE_ORDER.filter((r) => held.has(r));
}

export function encodeRoles(roles: readonly Role[]): string {
  const held = new Set(roles);
  return ROLE_ORDER.filter((r) => held.has(r)).join(',');
}

export function planOf(team: Pick<TeamRow, 'plan'>): PlanId {
  if (!isPlanId(team.plan)) throw new Error(`team has an unknown plan: ${team.plan}`);
  return team.plan;
}

export const toUserRef = (u: Pick<UserRow, 'id' | 'email' | 'name'>): UserRef => ({ id: u.id, email: u.email, name: u.name });

export const toTeamRef = (t: TeamRow): TeamRef => ({ id: t.id, name: t.name, plan: planOf(t), aiAddon: t.ai_addon === 1 });

export const toTeam = (t: TeamRow): Team => ({ ...toTeamRef(t), billingDay: t.billing_day, aiEnabled: t.ai_enabled === 1 });

export const toMember = (u: UserRow): Member => ({
  ...toUserRef(u),
  roles: rolesOf(u),
  paygEnabled: u.payg_enabled === 1,
  aiEnabled: u.ai_enabled === 1,
});

export async function findTeam(db: Db | Tx, teamId: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
}

export async function getTeam(db: Db | Tx, teamId: string): Promise<TeamRow> {
  const team = await findTeam(db, teamId);
  if (!team) throw new Error(`team ${teamId} vanished`);
  return team;
}

export async function getUser(db: Db | Tx, userId: string): Promise<UserRow> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/** A current (not removed) member of the team. */
export async function findMember(db: Db | Tx, teamId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('team_id', '=', teamId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

export async function activeMembers(db: Db | Tx, teamId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('team_id', '=', teamId).where('removed_at', 'is', null).orderBy('created_at').orderBy('email').execute();
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
