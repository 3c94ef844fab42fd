// Who is calling: the bearer token names a current user; team routes also check the team and role.
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/billing/api.js';
import type { TeamRow, UserRow } from '../db/schema.js';
import type { BillingContext } from '../services/context.js';
import { hashToken } from '../services/tokens.js';
import { getTeam, rolesOf } from '../services/users.js';
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
    .selectAll('u')
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw unauthorized('The token is unknown, revoked or belongs to a removed user.');
  return { user: row, team: await getTeam(ctx.store.db, row.team_id), roles: rolesOf(row), tokenHash };
}

/** The caller must belong to `teamId` and hold one of `roles`. */
export function requireTeamRole(principal: Principal, teamId: string, roles: readonly Role[]): void {
  if (principal.team.id !== teamId) throw forbidden('You are not a member of this team.');
  if (!roles.some((r) => principal.roles.includes(r))) {
    throw forbidden(`This needs the ${roles.join(' or ')} role.`);
  }
}
