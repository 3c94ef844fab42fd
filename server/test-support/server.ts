// An in-process billing server on 127.0.0.1, port 0, with a manual clock, for tests over real HTTP.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../shared/billing/api.js';
import type { PlanId } from '../../shared/billing/plans.js';
import { buildApp } from '../app.js';
import { ManualClock } from '../clock.js';
import type { StoreKind } from '../db/dialect.js';
import type { Store } from '../db/store.js';
import type { BillingContext } from '../services/context.js';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit } from '../services/login.js';
import { createTeam } from '../services/teams.js';
import { apiClient, type ApiClient } from './http.js';
import { createMigratedStore, type TestStore } from './stores.js';

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly testStore: TestStore;
  readonly clock: ManualClock;
  readonly ctx: BillingContext;
  readonly api: ApiClient;
  close(): Promise<void>;
}

export async function startTestServer(kind: StoreKind, options: { now?: string; loginLimit?: LoginLimit } = {}): Promise<TestServer> {
  const { test, store } = await createMigratedStore(kind);
  const clock = new ManualClock(options.now ?? '2026-01-10T12:00:00.000Z');
  const ctx: BillingContext = { store, clock };
  const app = buildApp(ctx, { loginLimit: options.loginLimit ?? DEFAULT_LOGIN_LIMIT });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    store,
    testStore: test,
    clock,
    ctx,
    api: apiClient(url),
    close: async () => {
      await app.close();
      await store.close();
      await test.drop();
    },
  };
}

export interface TestTeam {
  readonly teamId: string;
  readonly admin: { readonly id: string; readonly email: string; readonly token: string };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A team made as `init` makes it (admin holds admin + billing). */
export async function createTestTeam(
  server: TestServer,
  options: { plan?: PlanId; aiAddon?: boolean; billingDay?: number; name?: string } = {},
): Promise<TestTeam> {
  const email = `admin-${unique()}@example.com`;
  const created = await createTeam(server.ctx, {
    name: options.name ?? `Team ${unique()}`,
    plan: options.plan ?? 'basic',
    aiAddon: options.aiAddon ?? false,
    adminEmail: email,
    adminPassword: 'admin-password',
    billingDay: options.billingDay,
  });
  return { teamId: created.teamId, admin: { id: created.adminUserId, email, token: created.adminToken } };
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
}

/** Invites a member over HTTP (as the team's admin) and logs them in. */
export async function addMember(server: TestServer, team: TestTeam, roles: Role[] = ['member'], name = 'Member'): Promise<TestUser> {
  const email = `${roles.join('-')}-${unique()}@example.com`;
  const invited = await server.api.post<{ user: { id: string }; password: string }>(
    `/v1/teams/${team.teamId}/members`,
    { email, name, roles },
    team.admin.token,
  );
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const login = await server.api.post<{ token: string }>('/v1/auth/login', { email, password: invited.body.password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return { id: invited.body.user.id, email, password: invited.body.password, token: login.body.token };
}

export const M = 1_000_000;
