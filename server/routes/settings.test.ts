// Team settings, members, the audit log, AI Credit Details and the entitlement's AI state, on both
// stores — with the shared decideAction run on the server's snapshots.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AiCreditDetails, AuditList, Entitlement, InviteMemberResponse, Member, MemberList, Team } from '../../shared/billing/api.js';
import { decideAction } from '../../shared/billing/decide-action.js';
import { callsCosting, usageEvent } from '../test-support/http.js';
import { addMember, createTestTeam, M, startTestServer, type TestServer, type TestTeam } from '../test-support/server.js';
import { describeEachStore } from '../test-support/stores.js';

describeEachStore('team settings, members and audit', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { now: '2026-03-15T09:30:00.000Z' });
  });
  afterAll(async () => server?.close());

  const entitlement = async (token: string) => Entitlement.parse((await server.api.get('/v1/me/entitlement', token)).body);
  const audit = async (team: TestTeam) => AuditList.parse((await server.api.get(`/v1/teams/${team.teamId}/audit`, team.admin.token)).body).entries;
  const spend = async (token: string, credits: number) =>
    expect((await server.api.post('/v1/usage/events', { events: [usageEvent({ occurredAt: server.clock.now().toISOString(), calls: callsCosting(credits) })] }, token)).status).toBe(200);

  it('PAYG per member: only billing users, only on plans that have it, audited', async () => {
    const team = await createTestTeam(server, { plan: 'free' });
    const user = await addMember(server, team);
    const path = `/v1/teams/${team.teamId}/members/${user.id}/payg`;
    const refused = await server.api.put(path, { enabled: true }, team.admin.token);
    expect(refused.status).toBe(422);
    expect(refused.contentType).toContain('application/problem+json');
    expect((await server.api.put(`/v1/teams/${team.teamId}/members/not-a-member/payg`, { enabled: true }, team.admin.token)).status).toBe(404);
    expect((await server.api.put(path, { enabled: 'yes' }, team.admin.token)).status).toBe(400);

    expect(Team.parse((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'free', aiAddon: true }, team.admin.token)).body)).toMatchObject({ plan: 'free', aiAddon: true });
    const enabled = await server.api.put(path, { enabled: true }, team.admin.token);
    expect(enabled.status).toBe(200);
    expect(Member.parse(enabled.body)).toMatchObject({ id: user.id, paygEnabled: true });
    expect(await entitlement(user.token)).toMatchObject({ paygEnabled: true, allotmentMicro: 400 * M, offlineAllowanceMicro: 25 * M });

    const entries = await audit(team);
    expect(entries[0]).toMatchObject({ action: 'member.payg', target: `user:${user.id}`, before: { enabled: false }, after: { enabled: true }, actor: { id: team.admin.id } });
    expect(entries[1]).toMatchObject({ action: 'team.plan', before: { plan: 'free', aiAddon: false }, after: { plan: 'free', aiAddon: true } });
    expect(entries[0].at).toBe(server.clock.now().toISOString());
  });

  it('plan changes: validated, the add-on only with Free, allotments follow', async () => {
    const team = await createTestTeam(server, { plan: 'free' });
    const user = await addMember(server, team);
    expect((await entitlement(user.token)).allotmentMicro).toBe(50 * M);
    expect((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'gold' }, team.admin.token)).status).toBe(400);
    expect((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'basic', aiAddon: true }, team.admin.token)).status).toBe(422);
    expect((await server.api.put(`/v1/teams/${team.teamId}/plan`, { plan: 'enterprise' }, team.admin.token)).status).toBe(200);
    expect(await entitlement(user.token)).toMatchObject({ allotmentMicro: 1000 * M, team: { plan: 'enterprise', aiAddon: false } });
  });

  it('Enterprise: the team AI switch (admins) decides; the entitlement says why and who can change it', async () => {
    const team = await createTestTeam(server, { plan: 'enterprise' });
    const user = await addMember(server, team);
    expect((await server.api.put('/v1/me/settings/ai', { enabled: false }, user.token)).status).toBe(422);
    const off = await server.api.put(`/v1/teams/${team.teamId}/ai`, { enabled: false }, team.admin.token);
    expect(Team.parse(off.body)).toMatchObject({ aiEnabled: false });
    const snap = await entitlement(user.token);
    expect(snap.ai).toEqual({ enabled: false, reason: 'team_ai_off', changeableBy: 'admin', message: 'AI is turned off for your team. An admin can turn it on in Team Settings → AI.' });
    expect(decideAction(snap)).toMatchObject({ allowed: false, reason: 'team_ai_off', changeableBy: 'admin' });
    expect((await server.api.put(`/v1/teams/${team.teamId}/ai`, { enabled: true }, team.admin.token)).status).toBe(200);
    expect(decideAction(await entitlement(user.token))).toMatchObject({ allowed: true, funding: 'included' });
    const basic = await createTestTeam(server, { plan: 'basic' });
    expect((await server.api.put(`/v1/teams/${basic.teamId}/ai`, { enabled: false }, basic.admin.token)).status).toBe(422);
    expect((await audit(team)).filter((e) => e.action === 'team.ai').map((e) => e.after)).toEqual([{ enabled: true }, { enabled: false }]);
  });

  it("other plans: each user's own AI switch", async () => {
    const team = await createTestTeam(server, { plan: 'professional' });
    const user = await addMember(server, team);
    const off = Entitlement.parse((await server.api.put('/v1/me/settings/ai', { enabled: false }, user.token)).body);
    expect(off.ai).toMatchObject({ enabled: false, reason: 'user_ai_off', changeableBy: 'self' });
    expect(decideAction(off)).toMatchObject({ allowed: false, reason: 'user_ai_off' });
    expect((await server.api.get<{ settings: { aiEnabled: boolean } }>('/v1/me', user.token)).body.settings.aiEnabled).toBe(false);
    const on = Entitlement.parse((await server.api.put('/v1/me/settings/ai', { enabled: true }, user.token)).body);
    expect(on.ai.enabled).toBe(true);
    expect((await audit(team)).filter((e) => e.action === 'user.ai').map((e) => [e.actor?.id, e.after])).toEqual([
      [user.id, { enabled: true }],
      [user.id, { enabled: false }],
    ]);
  });

  it('refuses an action once the allotment is used, with the message from the design', async () => {
    const team = await createTestTeam(server, { plan: 'basic' });
    const user = await addMember(server, team);
    await spend(user.token, 400);
    expect(decideAction(await entitlement(user.token))).toEqual({
      allowed: false,
      reason: 'allotment_used',
      changeableBy: 'billing',
      message: 'Your 400 monthly credits are used. A billing user can turn on pay-as-you-go for you in Team Settings → Resource Usage → AI Credit Details.',
    });
    await server.api.put(`/v1/teams/${team.teamId}/members/${user.id}/payg`, { enabled: true }, team.admin.token);
    expect(decideAction(await entitlement(user.token))).toMatchObject({ allowed: true, funding: 'payg' });
  });

  it('members: invite (password generated or given), list, roles, remove; the last admin stays', async () => {
    const team = await createTestTeam(server, { plan: 'basic' });
    const base = `/v1/teams/${team.teamId}/members`;
    const invited = await server.api.post(base, { email: 'Kim@Example.com', name: 'Kim', roles: ['member', 'billing'] }, team.admin.token);
    expect(invited.status).toBe(201);
    const kim = InviteMemberResponse.parse(invited.body);
    expect(kim.user).toMatchObject({ email: 'kim@example.com', name: 'Kim', roles: ['billing', 'member'], paygEnabled: false, aiEnabled: true });
    expect(kim.password.length).toBeGreaterThanOrEqual(16);
    expect((await server.api.post('/v1/auth/login', { email: 'kim@example.com', password: kim.password })).status).toBe(200);
    const given = await server.api.post(base, { email: 'lee@example.com', name: 'Lee', roles: ['member'], password: 'lee-password' }, team.admin.token);
    expect(InviteMemberResponse.parse(given.body).password).toBe('lee-password');

    expect((await server.api.post(base, { email: 'kim@example.com', name: 'Kim again', roles: ['member'] }, team.admin.token)).status).toBe(409);
    expect((await server.api.post(base, { email: 'not-an-email', name: 'X', roles: ['member'] }, team.admin.token)).status).toBe(400);
    expect((await server.api.post(base, { email: 'x@example.com', name: 'X', roles: [] }, team.admin.token)).status).toBe(400);
    expect((await server.api.post(base, { email: 'x@example.com', name: 'X', roles: ['owner'] }, team.admin.token)).status).toBe(400);
    expect((await server.api.post(base, { email: 'x@example.com', name: 'X', roles: ['member'], password: 'short' }, team.admin.token)).status).toBe(400);

    const list = MemberList.parse((await server.api.get(base, team.admin.token)).body).members;
    expect(list.map((m) => m.email).sort()).toEqual([team.admin.email, 'kim@example.com', 'lee@example.com'].sort());

    const roles = await server.api.put(`${base}/${kim.user.id}/roles`, { roles: ['admin'] }, team.admin.token);
    expect(Member.parse(roles.body).roles).toEqual(['admin']);
    // Demoting or removing the last admin is refused; with Kim as admin it is fine.
    const lone = await createTestTeam(server);
    expect((await server.api.put(`/v1/teams/${lone.teamId}/members/${lone.admin.id}/roles`, { roles: ['billing'] }, lone.admin.token)).status).toBe(422);
    expect((await server.api.del(`/v1/teams/${lone.teamId}/members/${lone.admin.id}`, lone.admin.token)).status).toBe(422);
    expect((await server.api.put(`${base}/${team.admin.id}/roles`, { roles: ['billing'] }, team.admin.token)).status).toBe(200);

    const kimToken = (await server.api.post<{ token: string }>('/v1/auth/login', { email: 'kim@example.com', password: kim.password })).body.token;
    expect((await server.api.del(`${base}/no-such-user`, kimToken)).status).toBe(404);
    const leeId = InviteMemberResponse.parse(given.body).user.id;
    const lee = (await server.api.post<{ token: string }>('/v1/auth/login', { email: 'lee@example.com', password: 'lee-password' })).body.token;
    await spend(lee, 3);
    expect((await server.api.del(`${base}/${leeId}`, kimToken)).status).toBe(204);
    expect((await server.api.del(`${base}/${leeId}`, kimToken)).status).toBe(404);
    // Their usage stays visible in AI Credit Details, flagged removed.
    const d = AiCreditDetails.parse((await server.api.get(`/v1/teams/${team.teamId}/ai-credit-details`, kimToken)).body);
    expect(d.members.find((m) => m.userId === leeId)).toMatchObject({ removed: true, includedUsedMicro: 3 * M, paygEnabled: false });
    // Re-inviting brings back the same user.
    const back = InviteMemberResponse.parse((await server.api.post(base, { email: 'lee@example.com', name: 'Lee', roles: ['member'] }, kimToken)).body);
    expect(back.user.id).toBe(leeId);

    const actions = (await audit({ ...team, admin: { ...team.admin, token: kimToken } })).map((e) => e.action);
    expect(actions.slice(0, 5)).toEqual(['member.invite', 'member.remove', 'member.roles', 'member.roles', 'member.invite']);
    expect(actions.at(-1)).toBe('team.create');
  });

  it('the same email invited many times at once: one 201, every other a 409 problem (never a 500)', async () => {
    const team = await createTestTeam(server, { plan: 'basic' });
    for (let round = 0; round < 3; round++) {
      const email = `twice-${round}-${team.teamId.slice(0, 8)}@example.com`;
      const replies = await Promise.all(
        Array.from({ length: 8 }, () => server.api.post(`/v1/teams/${team.teamId}/members`, { email, name: 'Twice', roles: ['member'], password: 'password-1' }, team.admin.token)),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(replies.filter((r) => r.status === 409).every((r) => r.contentType.includes('application/problem+json'))).toBe(true);
    }
  });

  it('two admins demoting or removing each other at the same moment leave one admin', async () => {
    for (let round = 0; round < 6; round++) {
      const team = await createTestTeam(server, { plan: 'basic' });
      const other = await addMember(server, team, ['admin']);
      const base = `/v1/teams/${team.teamId}/members`;
      const [a, b] = await Promise.all(
        round % 2 === 0
          ? [server.api.put(`${base}/${other.id}/roles`, { roles: ['member'] }, team.admin.token), server.api.put(`${base}/${team.admin.id}/roles`, { roles: ['member'] }, other.token)]
          : [server.api.del(`${base}/${other.id}`, team.admin.token), server.api.del(`${base}/${team.admin.id}`, other.token)],
      );
      // One wins; the other is refused: 422 (it would leave no admin), 403 (no admin any more) or
      // 401 (removed, token revoked).
      expect([a.status, b.status].filter((s) => s < 300), `round ${round}: ${a.status}/${b.status}`).toHaveLength(1);
      expect([a.status, b.status].filter((s) => [401, 403, 422].includes(s)), `round ${round}: ${a.status}/${b.status}`).toHaveLength(1);
      const admins = await server.store.db.selectFrom('users').select('roles').where('team_id', '=', team.teamId).where('removed_at', 'is', null).execute();
      expect(admins.filter((u) => u.roles.split(',').includes('admin'))).toHaveLength(1);
    }
  });

  it('AI Credit Details: totals, accrued PAYG cost, a row per member and a daily series', async () => {
    const team = await createTestTeam(server, { plan: 'professional', billingDay: 1 });
    const a = await addMember(server, team, ['member'], 'Ann');
    const b = await addMember(server, team, ['member'], 'Bob');
    await server.api.put(`/v1/teams/${team.teamId}/members/${a.id}/payg`, { enabled: true }, team.admin.token);
    server.clock.set('2026-03-02T10:00:00.000Z');
    await spend(a.token, 300);
    server.clock.set('2026-03-15T10:00:00.000Z');
    await spend(a.token, 150); // 100 included + 50 PAYG
    await spend(b.token, 410); // 400 included + 10 unfunded
    const d = AiCreditDetails.parse((await server.api.get(`/v1/teams/${team.teamId}/ai-credit-details?cycle=current`, team.admin.token)).body);
    expect(d.cycle).toEqual({ start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' });
    expect(d.totals).toEqual({
      creditsUsedMicro: 860 * M,
      includedUsedMicro: 800 * M,
      paygMicro: 50 * M,
      unfundedMicro: 10 * M,
      accruedPaygCostMinor: 150, // 50 credits × $0.03
      accruedPaygCostExactMinor: '150',
      currency: 'USD',
    });
    expect(d.members.find((m) => m.userId === a.id)).toMatchObject({ name: 'Ann', includedUsedMicro: 400 * M, paygMicro: 50 * M, creditsUsedMicro: 450 * M, paygEnabled: true });
    expect(d.members.find((m) => m.userId === b.id)).toMatchObject({ unfundedMicro: 10 * M, paygEnabled: false, allotmentMicro: 400 * M });
    expect(d.daily).toHaveLength(31);
    expect(d.daily.find((x) => x.date === '2026-03-02')?.creditsUsedMicro).toBe(300 * M);
    expect(d.daily.find((x) => x.date === '2026-03-15')?.creditsUsedMicro).toBe(560 * M);
    expect(d.daily.reduce((s, x) => s + x.creditsUsedMicro, 0)).toBe(860 * M);
    const byStart = AiCreditDetails.parse((await server.api.get(`/v1/teams/${team.teamId}/ai-credit-details?cycle=2026-03-01T00:00:00.000Z`, team.admin.token)).body);
    expect(byStart.totals).toEqual(d.totals);
    expect((await server.api.get(`/v1/teams/${team.teamId}/ai-credit-details?cycle=last-week`, team.admin.token)).status).toBe(400);
    expect((await server.api.get(`/v1/teams/${team.teamId}/ai-credit-details?cycle=current&x=1`, team.admin.token)).status).toBe(400);
  });
});
