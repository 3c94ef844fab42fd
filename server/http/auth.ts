// Who is calling: the bearer token names a current user; team routes also check the team and role.
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/billing/api.js';
import type { TeamRow, UserRow } from '../db/schema.js';
import type { BillingContext } from '../services/context.js';
import { hashToken } from '../services/tokens.js';
import { rolesOf } from '../services/users.js';
import { forbidden, unauthorized } from './problem.js';

export interface Principal {
  readonly user: UserRow;
  readonly team: TeamRow;
  readonly roles: readonly Role[];
  readonly tokenHash: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export async function authenticate(ctx: BillingContext, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match) throw unauthorized();
  const tokenHash = hashToken(match[1]);
  const row = await ctx.store.db
    .selectFrom('tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('teams as tm', 'tm.id', 'u.team_id')
    .selectAll('u')
    .select([
      'tm.name as team_name',
      'tm.plan as team_plan',
      'tm.ai_addon as team_ai_addon',
      'tm.ai_enabled as team_ai_enabled',
      'tm.billing_day as team_billing_day',
      'tm.currency as team_currency',
      'tm.created_at as team_created_at',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw unauthorized('The token is unknown, revoked or belongs to a removed user.');
  const { team_name, team_plan, team_ai_addon, team_ai_enabled, team_billing_day, team_currency, team_created_at, ...user } = row;
  const team: TeamRow = {
    id: user.team_id,
    name: team_name,
    plan: team_plan,
    ai_addon: team_ai_addon,
    ai_enabled: team_ai_enabled,
    billing_day: team_billing_day,
    currency: team_currency,
    created_at: team_created_at,
  };
  return { user, team, roles: rolesOf(user), tokenHash };
}

/** The caller must belong to `teamId` and hold one of `roles`. */
export function requireTeamRole(principal: Principal, teamId: string, roles: readonly Role[]): void {
  if (principal.team.id !== teamId) throw forbidden('You are not a member of this team.');
  if (!roles.some((r) => principal.roles.includes(r))) {
    throw forbidden(`This needs the ${roles.join(' or ')} role.`);
  }
}
