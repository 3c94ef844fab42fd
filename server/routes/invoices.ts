// GET /v1/teams/:team/invoices and …/invoices/:id (billing).
import type { FastifyInstance } from 'fastify';
import type { Invoice } from '../../shared/billing/api.js';
import { authenticate, requireTeamRole } from '../http/auth.js';
import { notFound } from '../http/problem.js';
import { findInvoice, listInvoices } from '../services/invoice-store.js';
import type { RouteDeps } from './deps.js';

export function invoiceRoutes(app: FastifyInstance, { ctx }: RouteDeps): void {
  app.get<{ Params: { team: string } }>('/v1/teams/:team/invoices', async (request) => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['billing']);
    return { invoices: await listInvoices(ctx.store.db, request.params.team) };
  });

  app.get<{ Params: { team: string; id: string } }>('/v1/teams/:team/invoices/:id', async (request): Promise<Invoice> => {
    const principal = await authenticate(ctx, request);
    requireTeamRole(principal, request.params.team, ['billing']);
    const invoice = await findInvoice(ctx.store.db, request.params.team, request.params.id);
    if (!invoice) throw notFound('No such invoice for this team.');
    return invoice;
  });
}
