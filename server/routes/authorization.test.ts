// The authorization table: every endpoint × every role × own team / other team, on both stores.
// Team A is on Enterprise; team B (basic) is "another team" whose admin (admin + billing) tries
// team A's endpoints.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeCycles } from '../services/cycle-closing.js';
import { usageEvent } from '../test-support/http.js';
import { addMember, createTestTeam, startTestServer, type TestServer, type TestTeam, type TestUser } from '../test-support/server.js';
import { describeEachStore } from '../test-support/stores.js';

type Caller = 'admin' | 'billing' | 'member' | 'adminBilling' | 'otherTeam' | 'anonymous';
const CALLERS: readonly Caller[] = ['admin', 'billing', 'member', 'adminBilling', 'otherTeam', 'anonymous'];

interface Row {
  readonly name: string;
  readonly method: string;
  /** Path for team A; `fresh` may create what the call consumes (a member to remove, …). */
  readonly path: (fresh: Fresh) => string | Promise<string>;
  readonly body?: () => unknown;
  /** Expected status by caller. */
  readonly expect: Readonly<Record<Caller, number>>;
  /** Use a freshly logged-in token (the call revokes it). */
  readonly freshToken?: boolean;
}

interface Fresh {
  readonly teamA: string;
  readonly invoiceId: string;
  victim(): Promise<string>;
  member(): string;
}

const ANY_USER = { admin: 200, billing: 200, member: 200, adminBilling: 200, otherTeam: 200, anonymous: 401 } as const;
const only = (allowed: Partial<Record<Caller, number>>): Record<Caller, number> => ({
  admin: 403,
  billing: 403,
  member: 403,
  adminBilling: 403,
  otherTeam: 403,
  anonymous: 401,
  ...allowed,
});

const TABLE: readonly Row[] = [
  { name: 'GET /healthz', method: 'GET', path: () => '/healthz', expect: { ...ANY_USER, anonymous: 200 } },
  { name: 'POST /v1/auth/logout', method: 'POST', path: () => '/v1/auth/logout', freshToken: true, expect: { ...ANY_USER, admin: 204, billing: 204, member: 204, adminBilling: 204, otherTeam: 204 } },
  { name: 'GET /v1/me', method: 'GET', path: () => '/v1/me', expect: ANY_USER },
  { name: 'GET /v1/me/notifications', method: 'GET', path: () => '/v1/me/notifications', expect: ANY_USER },
  { name: 'POST /v1/me/notifications/read', method: 'POST', path: () => '/v1/me/notifications/read', body: () => ({ ids: [] }), expect: ANY_USER },
  { name: 'GET /v1/me/entitlement', method: 'GET', path: () => '/v1/me/entitlement', expect: ANY_USER },
  // Team A is Enterprise: the user's own switch is refused (422); team B's admin may use theirs.
  {
    name: 'PUT /v1/me/settings/ai',
    method: 'PUT',
    path: () => '/v1/me/settings/ai',
    body: () => ({ enabled: true }),
    expect: { admin: 422, billing: 422, member: 422, adminBilling: 422, otherTeam: 200, anonymous: 401 },
  },
  { name: 'POST /v1/usage/events', method: 'POST', path: () => '/v1/usage/events', body: () => ({ events: [usageEvent()] }), expect: ANY_USER },
  { name: 'GET ai-credit-details', method: 'GET', path: (f) => `/v1/teams/${f.teamA}/ai-credit-details`, expect: only({ admin: 200, billing: 200, adminBilling: 200 }) },
  { name: 'PUT members/:user/payg', method: 'PUT', path: (f) => `/v1/teams/${f.teamA}/members/${f.member()}/payg`, body: () => ({ enabled: true }), expect: only({ billing: 200, adminBilling: 200 }) },
  { name: 'PUT /v1/teams/:team/ai', method: 'PUT', path: (f) => `/v1/teams/${f.teamA}/ai`, body: () => ({ enabled: true }), expect: only({ admin: 200, adminBilling: 200 }) },
  { name: 'PUT /v1/teams/:team/plan', method: 'PUT', path: (f) => `/v1/teams/${f.teamA}/plan`, body: () => ({ plan: 'enterprise' }), expect: only({ billing: 200, adminBilling: 200 }) },
  { name: 'GET members', method: 'GET', path: (f) => `/v1/teams/${f.teamA}/members`, expect: only({ admin: 200, billing: 200, adminBilling: 200 }) },
  {
    name: 'POST members',
    method: 'POST',
    path: (f) => `/v1/teams/${f.teamA}/members`,
    body: () => ({ email: `new-${randomUUID()}@example.com`, name: 'New', roles: ['member'] }),
    expect: only({ admin: 201, adminBilling: 201 }),
  },
  { name: 'DELETE members/:user', method: 'DELETE', path: async (f) => `/v1/teams/${f.teamA}/members/${await f.victim()}`, expect: only({ admin: 204, adminBilling: 204 }) },
  { name: 'PUT members/:user/roles', method: 'PUT', path: (f) => `/v1/teams/${f.teamA}/members/${f.member()}/roles`, body: () => ({ roles: ['member'] }), expect: only({ admin: 200, adminBilling: 200 }) },
  { name: 'GET invoices', method: 'GET', path: (f) => `/v1/teams/${f.teamA}/invoices`, expect: only({ billing: 200, adminBilling: 200 }) },
  { name: 'GET invoices/:id', method: 'GET', path: (f) => `/v1/teams/${f.teamA}/invoices/${f.invoiceId}`, expect: only({ billing: 200, adminBilling: 200 }) },
  { name: 'GET audit', method: 'GET', path: (f) => `/v1/teams/${f.teamA}/audit`, expect: only({ admin: 200, adminBilling: 200 }) },
];

describeEachStore('authorization table', (kind) => {
  let server: TestServer;
  let teamA: TestTeam;
  let teamB: TestTeam;
  const users = new Map<Caller, TestUser | { token: string; email?: undefined; password?: undefined }>();
  let plainMember: TestUser;
  let fresh: Fresh;

  beforeAll(async () => {
    server = await startTestServer(kind, { now: '2026-01-10T12:00:00.000Z' });
    teamA = await createTestTeam(server, { plan: 'enterprise', billingDay: 1 });
    teamB = await createTestTeam(server, { plan: 'basic', billingDay: 1 });
    users.set('admin', await addMember(server, teamA, ['admin']));
    users.set('billing', await addMember(server, teamA, ['billing']));
    users.set('member', await addMember(server, teamA, ['member']));
    users.set('adminBilling', { token: teamA.admin.token });
    users.set('otherTeam', { token: teamB.admin.token });
    plainMember = await addMember(server, teamA, ['member']);
    server.clock.set('2026-02-02T00:00:00.000Z');
    await closeCycles(server.ctx, server.clock.now());
    const invoice = await server.store.db.selectFrom('invoices').select('id').where('team_id', '=', teamA.teamId).executeTakeFirstOrThrow();
    fresh = {
      teamA: teamA.teamId,
      invoiceId: invoice.id,
      victim: async () => (await addMember(server, teamA, ['member'])).id,
      member: () => plainMember.id,
    };
  });
  afterAll(async () => server?.close());

  const tokenFor = async (caller: Caller, freshToken: boolean): Promise<string | null> => {
    if (caller === 'anonymous') return null;
    const user = users.get(caller);
    if (!user) throw new Error(caller);
    if (!freshToken) return user.token;
    const email = user.email ?? (caller === 'otherTeam' ? teamB.admin.email : teamA.admin.email);
    const password = user.password ?? 'admin-password';
    const r = await server.api.post<{ token: string }>('/v1/auth/login', { email, password });
    return r.body.token;
  };

  for (const row of TABLE) {
    it(`${row.name}: ${CALLERS.map((c) => `${c} ${row.expect[c]}`).join(', ')}`, async () => {
      const got: Partial<Record<Caller, number>> = {};
      for (const caller of CALLERS) {
        const token = await tokenFor(caller, row.freshToken ?? false);
        const r = await server.api.request(row.method, await row.path(fresh), row.body?.(), { token });
        got[caller] = r.status;
        if (r.status >= 400) expect(r.contentType, `${row.name} as ${caller}`).toContain('application/problem+json');
      }
      expect(got).toEqual(row.expect);
    });
  }

  it('a token of another team changes nothing in this team', async () => {
    const before = await server.api.get(`/v1/teams/${teamA.teamId}/audit`, teamA.admin.token);
    const targets: Fresh = { ...fresh, victim: async () => plainMember.id };
    let tried = 0;
    for (const row of TABLE.filter((r) => r.method !== 'GET')) {
      const path = await row.path(targets);
      if (!path.includes('/teams/')) continue;
      const r = await server.api.request(row.method, path, row.body?.(), { token: teamB.admin.token });
      expect(r.status, row.name).toBe(403);
      tried++;
    }
    expect(tried).toBe(6);
    const after = await server.api.get(`/v1/teams/${teamA.teamId}/audit`, teamA.admin.token);
    expect(after.body).toEqual(before.body);
    expect((await server.api.get('/v1/me', plainMember.token)).status).toBe(200);
  });
});
