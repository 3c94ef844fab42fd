// POST /v1/usage/events (any user): a batch of up to 1,000 usage events.
import type { FastifyInstance } from 'fastify';
import { UsageBatchRequest, type UsageBatchResponse } from '../../shared/billing/api.js';
import { authenticate } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { entitlementFor } from '../services/entitlement.js';
import { ingestUsage } from '../services/usage-ingestion.js';
import { getTeam, getUser } from '../services/users.js';
import type { RouteDeps } from './deps.js';

export function usageRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  app.post('/v1/usage/events', async (request): Promise<UsageBatchResponse> => {
    const { user } = await authenticate(ctx, request);
    const { events } = parseInput(UsageBatchRequest, request.body);
    const result = await ingestUsage(ctx, user.id, events);
    const { db } = ctx.store;
    return { ...result, entitlement: await entitlementFor(db, await getUser(db, user.id), await getTeam(db, user.team_id), ctx.clock.now()) };
  });
}
