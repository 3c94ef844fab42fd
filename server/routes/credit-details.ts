// GET /v1/teams/:team/ai-credit-details?cycle= (billing, admin). `cycle` is "current" (default),
// "previous", or any date or instant inside the wanted cycle (e.g. its start, "2026-01-31").
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AiCreditDetails } from '../../shared/billing/api.js';
import { cycleContaining, previousCycle, type Cycle } from '../../shared/billing/cycles.js';
import { authenticate, requireTeamRole } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { aiCreditDetails } from '../services/credit-details.js';
import type { RouteDeps } from './deps.js';

const CycleParam = z.union([z.literal('current'), z.literal('previous'), z.iso.date(), z.iso.datetime({ offset: true })]);
const Query = z.strictObject({ cycle: CycleParam.default('current') });

export function cycleFromParam(param: z.infer<typeof CycleParam>, billingDay: number, now: Date): Cycle {
  const current = cycleContaining(now, billingDay);
  if (param === 'current') return current;
  if (param === 'previous') return previousCycle(current, billingDay);
  return cycleContaining(param.length === 10 ? `${param}T00:00:00.000Z` : param, billingDay);
}

export function creditDetailsRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  app.get<{ Params: { team: string } }>('/v1/teams/:team/ai-credit-details', async (request): Promise<AiCreditDetails> => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['billing', 'admin']);
    const { cycle } = parseInput(Query, request.query, 'query string');
    return aiCreditDetails(ctx, principal.team, cycleFromParam(cycle, principal.team.billing_day, ctx.clock.now()));
  });
}
