// POST /v1/auth/login (anyone) and POST /v1/auth/logout (any user).
import type { FastifyInstance } from 'fastify';
import { LoginRequest, type LoginResponse } from '../../shared/billing/api.js';
import { authenticate } from '../http/auth.js';
import { parseInput } from '../http/body.js';
import { login, logout } from '../services/login.js';
import type { RouteDeps } from './deps.js';

export function authRoutes(app: FastifyInstance, { ctx, loginLimit }: RouteDeps): void {
  app.post('/v1/auth/login', async (request): Promise<LoginResponse> => {
    const body = parseInput(LoginRequest, request.body);
    return login(ctx, loginLimit, { ...body, clientAddress: request.ip });
  });

  app.post('/v1/auth/logout', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    await logout(ctx, principal.tokenHash);
    return reply.code(204).send();
  });
}
