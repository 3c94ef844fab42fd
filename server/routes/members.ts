// Team members (admin): list (admin, billing), invite, remove, set roles; and PAYG per member
// (billing).
import type { FastifyInstance } from 'fastify';
import { InviteMemberRequest, SetRolesRequest, SwitchRequest } from '../../shared/billing/api.js';
import { authenticate, requireTeamRole } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { inviteMember, listMembers, removeMember, setMemberRoles } from '../services/members.js';
import { setMemberPayg } from '../services/team-settings.js';
import type { RouteDeps } from './deps.js';

type TeamParams = { Params: { team: string } };
type MemberParams = { Params: { team: string; user: string } };

export function memberRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  app.get<TeamParams>('/v1/teams/:team/members', async (request) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['admin', 'billing']);
    return { members: await listMembers(ctx, request.params.team) };
  });

  app.post<TeamParams>('/v1/teams/:team/members', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['admin']);
    const input = parseInput(InviteMemberRequest, request.body);
    return reply.code(201).send(await inviteMember(ctx, principal.user.id, request.params.team, input));
  });

  app.delete<MemberParams>('/v1/teams/:team/members/:user', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['admin']);
    await removeMember(ctx, principal.user.id, request.params.team, request.params.user);
    return reply.code(204).send();
  });

  app.put<MemberParams>('/v1/teams/:team/members/:user/roles', async (request) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['admin']);
    const { roles } = parseInput(SetRolesRequest, request.body);
    return setMemberRoles(ctx, principal.user.id, request.params.team, request.params.user, roles);
  });

  app.put<MemberParams>('/v1/teams/:team/members/:user/payg', async (request) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['billing']);
    const { enabled } = parseInput(SwitchRequest, request.body);
    return setMemberPayg(ctx, principal.user.id, request.params.team, request.params.user, enabled);
  });
}
