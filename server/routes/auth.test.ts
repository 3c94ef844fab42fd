// Login, tokens, logout, rate limiting and the problem+json error shape, on both stores.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LoginResponse, Me, Problem } from '../../shared/billing/api.js';
import { addMember, createTestTeam, startTestServer, type TestServer, type TestTeam } from '../test-support/server.js';
import { describeEachStore } from '../test-support/stores.js';

describeEachStore('auth and errors', (kind) => {
  let server: TestServer;
  let team: TestTeam;
  beforeAll(async () => {
    server = await startTestServer(kind, { loginLimit: { maxFailures: 3, windowMs: 60_000 } });
    team = await createTestTeam(server);
  });
  afterAll(async () => server?.close());

  const expectProblem = (r: { status: number; contentType: string; body: unknown }, status: number) => {
    expect(r.status).toBe(status);
    expect(r.contentType).toContain('application/problem+json');
    const p = Problem.parse(r.body);
    expect(p.status).toBe(status);
    expect(p.type).toMatch(/^https:\/\/courier\.dev\/problems\//);
    expect(p.title.length).toBeGreaterThan(0);
    expect(p.detail?.length).toBeGreaterThan(0);
    return p;
  };

  it('logs in with email (any case) and password and hands out a working bearer token', async () => {
    const user = await addMember(server, team, ['member'], 'Lin');
    const r = await server.api.post('/v1/auth/login', { email: user.email.toUpperCase(), password: user.password });
    expect(r.status).toBe(200);
    const { token } = LoginResponse.parse(r.body);
    const me = Me.parse((await server.api.get('/v1/me', token)).body);
    expect(me).toMatchObject({ user: { id: user.id, email: user.email, name: 'Lin' }, roles: ['member'], team: { id: team.teamId, plan: 'basic' } });
    // Tokens are stored hashed, never as given.
    const stored = await server.store.db.selectFrom('tokens').select('token_hash').execute();
    expect(stored.some((t) => t.token_hash === token)).toBe(false);
    expect(stored.every((t) => /^[0-9a-f]{64}$/.test(t.token_hash))).toBe(true);
    // Passwords are stored as scrypt hashes.
    const row = await server.store.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(user.password);
  });

  it('refuses wrong passwords and unknown emails alike with 401', async () => {
    const user = await addMember(server, team);
    expectProblem(await server.api.post('/v1/auth/login', { email: user.email, password: 'wrong-password' }), 401);
    expectProblem(await server.api.post('/v1/auth/login', { email: 'nobody@example.com', password: 'whatever1' }), 401);
  });

  it('rate-limits failed logins per email and address, then lets them in again after the window', async () => {
    const user = await addMember(server, team);
    for (let i = 0; i < 3; i++) expectProblem(await server.api.post('/v1/auth/login', { email: user.email, password: 'bad' }), 401);
    const limited = await server.api.post('/v1/auth/login', { email: user.email, password: user.password });
    expectProblem(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another email from the same address is not affected.
    const other = await addMember(server, team);
    expect((await server.api.post('/v1/auth/login', { email: other.email, password: other.password })).status).toBe(200);
    server.clock.advance(61_000);
    expect((await server.api.post('/v1/auth/login', { email: user.email, password: user.password })).status).toBe(200);
  });

  it('holds the login rate limit against parallel guesses (no check-then-act race)', async () => {
    const user = await addMember(server, team);
    const guesses = Array.from({ length: 30 }, (_, i) => server.api.post('/v1/auth/login', { email: user.email, password: `guess-${i}` }));
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    // At most maxFailures (3) guesses are checked; every other one is refused unchecked.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - checked);
    // Sequential guesses get only what is left of the 3; then even the right password waits.
    for (let i = checked; i < 3; i++) expect((await server.api.post('/v1/auth/login', { email: user.email, password: `again-${i}` })).status).toBe(401);
    expect((await server.api.post('/v1/auth/login', { email: user.email, password: user.password })).status).toBe(429);
  });

  it('logout revokes exactly the token used', async () => {
    const user = await addMember(server, team);
    const second = LoginResponse.parse((await server.api.post('/v1/auth/login', { email: user.email, password: user.password })).body).token;
    const out = await server.api.post('/v1/auth/logout', undefined, user.token);
    expect(out.status).toBe(204);
    expectProblem(await server.api.get('/v1/me', user.token), 401);
    expectProblem(await server.api.post('/v1/auth/logout', undefined, user.token), 401);
    expect((await server.api.get('/v1/me', second)).status).toBe(200);
  });

  it('answers 401 with WWW-Authenticate for a missing, malformed or unknown token', async () => {
    const none = await server.api.get('/v1/me/entitlement', null);
    expectProblem(none, 401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expectProblem(await server.api.request('GET', '/v1/me', undefined, { token: null, rawBody: undefined }), 401);
    const basic = await fetch(`${server.url}/v1/me`, { headers: { authorization: 'Basic YTpi' } });
    expect(basic.status).toBe(401);
    expectProblem(await server.api.get('/v1/me', 'cbt_made-up-token'), 401);
  });

  it('refuses a removed member: tokens revoked, login refused', async () => {
    const user = await addMember(server, team);
    expect((await server.api.del(`/v1/teams/${team.teamId}/members/${user.id}`, team.admin.token)).status).toBe(204);
    expectProblem(await server.api.get('/v1/me', user.token), 401);
    expectProblem(await server.api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
  });

  it('answers bad bodies with 400 problems that list the issues', async () => {
    const missing = expectProblem(await server.api.post('/v1/auth/login', { email: 'a@b.c' }), 400);
    expect(missing.errors?.some((e) => e.path === 'password')).toBe(true);
    expectProblem(await server.api.post('/v1/auth/login', { email: 'a@b.c', password: 'x', remember: true }), 400);
    expectProblem(await server.api.post('/v1/auth/login', [1, 2]), 400);
    expectProblem(await server.api.request('POST', '/v1/auth/login', undefined, { rawBody: '{"email":' }), 400);
    expectProblem(await server.api.request('PUT', '/v1/me/settings/ai', undefined, { token: team.admin.token, rawBody: '{"enabled":"yes"}' }), 400);
    expectProblem(await server.api.request('POST', '/v1/auth/login', undefined, { rawBody: 'email=a', contentType: 'application/x-www-form-urlencoded' }), 415);
  });

  it('caps the body size (413) and answers unknown routes with a 404 problem', async () => {
    const huge = JSON.stringify({ events: [], pad: 'x'.repeat(9 * 1024 * 1024) });
    expectProblem(await server.api.request('POST', '/v1/usage/events', undefined, { token: team.admin.token, rawBody: huge }), 413);
    const p = expectProblem(await server.api.get('/v1/nothing-here', team.admin.token), 404);
    expect(p.instance).toBe('/v1/nothing-here');
  });

  it('reports liveness', async () => {
    const r = await server.api.get('/healthz', null);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
  });
});
