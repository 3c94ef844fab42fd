// The caller's own resources: /v1/me, notifications, the entitlement snapshot and the AI switch.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MarkNotificationsReadRequest, SwitchRequest, type Entitlement, type Me } from '../../shared/billing/api.js';
import { inTransaction } from '../db/transaction.js';
import { authenticate } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { nowIso } from '../services/context.js';
import { entitlementFor } from '../services/entitlement.js';
import { listNotifications, markNotificationsRead } from '../services/notifications.js';
import { setOwnAi } from '../services/team-settings.js';
import { getUser, rolesOf, toTeamRef, toUserRef } from '../services/users.js';
import type { RouteDeps } from './deps.js';

const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

export function meRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  const { db } = ctx.store;

  app.get('/v1/me', async (request): Promise<Me> => {
    const { user, team } = await authenticate(ctx, request);
    return { user: toUserRef(user), team: toTeamRef(team), roles: rolesOf(user), settings: { aiEnabled: user.ai_enabled === 1 } };
  });

  app.get('/v1/me/entitlement', async (request): Promise<Entitlement> => {
    const { user, team } = await authenticate(ctx, request);
    return entitlementFor(db, user, team, ctx.clock.now());
  });

  app.get('/v1/me/notifications', async (request) => {
    const { user } = await authenticate(ctx, request);
    const { limit } = parseInput(ListQuery, request.query, 'query string');
    return { notifications: await listNotifications(db, user.id, limit) };
  });

  app.post('/v1/me/notifications/read', async (request) => {
    const { user } = await authenticate(ctx, request);
    const { ids } = parseInput(MarkNotificationsReadRequest, request.body);
    return { marked: await inTransaction(ctx.store, (tx) => markNotificationsRead(tx, user.id, ids, nowIso(ctx))) };
  });

  app.put('/v1/me/settings/ai', async (request): Promise<Entitlement> => {
    const principal = await authenticate(ctx, request);
    const { enabled } = parseInput(SwitchRequest, request.body);
    await setOwnAi(ctx, principal.user.id, enabled);
    return entitlementFor(db, await getUser(db, principal.user.id), principal.team, ctx.clock.now());
  });
}
