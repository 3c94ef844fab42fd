// GET /v1/teams/:team/audit (admin): every settings change, newest first.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticate, requireTeamRole } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { listAudit } from '../services/audit.js';
import type { RouteDeps } from './deps.js';

const Query = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

export function auditRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  app.get<{ Params: { team: string } }>('/v1/teams/:team/audit', async (request) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['admin']);
    const { limit } = parseInput(Query, request.query, 'query string');
    return { entries: await listAudit(ctx.store.db, request.params.team, limit) };
  });
}
