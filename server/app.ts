// The billing server's HTTP app (DESIGN §6): Fastify, JSON bodies checked against the shared zod
// schemas, every error as application/problem+json, bodies capped in size.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { HttpProblem } from './http/problem.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { creditDetailsRoutes } from './routes/credit-details.js';
import type { RouteDeps } from './routes/deps.js';
import { healthRoutes } from './routes/health.js';
import { invoiceRoutes } from './routes/invoices.js';
import { meRoutes } from './routes/me.js';
import { memberRoutes } from './routes/members.js';
import { teamSettingsRoutes } from './routes/team-settings.js';
import { usageRoutes } from './routes/usage.js';
import type { BillingContext } from './services/context.js';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './services/login.js';

/** The largest valid batch (1,000 events × 100 calls of 8-digit token counts) is about 7.1 MB. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface AppOptions {
  readonly loginLimit?: LoginLimit;
  readonly bodyLimit?: number;
  /** Errors that are not the client's fault go here (stderr by default). */
  readonly onServerError?: (error: unknown) => void;
}

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

function asProblem(error: FastifyError | HttpProblem): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const slug = (error.code ?? 'client-error').toLowerCase().replace(/^fst_err_/, '').replace(/_/g, '-');
    return new HttpProblem(status, slug, error.message);
  }
  return null;
}

export function buildApp(ctx: BillingContext, options: AppOptions = {}): FastifyInstance {
  // Closing drops idle keep-alive connections and lets requests in flight finish (see serve's stop).
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? BODY_LIMIT_BYTES, forceCloseConnections: 'idle', return503OnClosing: true });
  const onServerError = options.onServerError ?? ((error: unknown) => console.error('billing server error:', error));

  app.setErrorHandler<FastifyError | HttpProblem>((error, request, reply) => {
    let problem = asProblem(error);
    if (!problem) {
      onServerError(error);
      problem = new HttpProblem(500, 'internal', 'The server failed to handle this request.');
    }
    void reply.code(problem.status).headers(problem.headers).type(PROBLEM_JSON).send(problem.toJSON(request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = new HttpProblem(404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`);
    void reply.code(404).type(PROBLEM_JSON).send(problem.toJSON(request.url));
  });

  const deps: RouteDeps = { ctx, loginLimit: options.loginLimit ?? DEFAULT_LOGIN_LIMIT };
  for (const register of [healthRoutes, authRoutes, meRoutes, usageRoutes, creditDetailsRoutes, memberRoutes, teamSettingsRoutes, invoiceRoutes, auditRoutes]) {
    register(app, deps);
  }
  return app;
}
