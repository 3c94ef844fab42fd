// PUT /v1/teams/:team/ai (admin, Enterprise only) and PUT /v1/teams/:team/plan (billing).
import type { FastifyInstance } from 'fastify';
import { PlanChangeRequest, SwitchRequest, type Team } from '../../shared/billing/api.js';
import { authenticate, requireTeamRole } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { changePlan, setTeamAi } from '../services/team-settings.js';
import type { RouteDeps } from './deps.js';

type TeamParams = { Params: { team: string } };

export function teamSettingsRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  app.put<TeamParams>('/v1/teams/:team/ai', async (request): Promise<Team> => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['admin']);
    const { enabled } = parseInput(SwitchRequest, request.body);
    return setTeamAi(ctx, principal.user.id, request.params.team, enabled);
  });

  app.put<TeamParams>('/v1/teams/:team/plan', async (request): Promise<Team> => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['billing']);
    const { plan, aiAddon } = parseInput(PlanChangeRequest, request.body);
    return changePlan(ctx, principal.user.id, request.params.team, plan, aiAddon ?? false);
  });
}
