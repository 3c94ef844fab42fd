// Out of the box: with no team server configured the app starts the billing server as a child
// process (SQLite under COURIER_HOME) with a personal Free team, and the meter works through the
// contract's handlers. Signing in to a shared server replaces it; signing out brings it back with the
// local data kept. The token never reaches the renderer.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services.js';
import { dispatch } from '../../electron/services/rpc/dispatch.js';
import type { CreditMeter } from '../../shared/contract-credits.js';
import { contract, events } from '../../shared/contract.js';
import { startBilling, tempHome, turn, type Billing } from './billing-fixture.js';

const M = 1_000_000;
let billing: Billing;

beforeAll(async () => {
  billing = await startBilling({ plan: 'basic' });
});
afterAll(async () => {
  await billing?.close();
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, COURIER_USER_EMAIL: 'me@courier.local', ...extra });

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`);
    return false;
  } catch {
    return true;
  }
}

function nextMeterEvent(app: AppServices): Promise<{ meter: CreditMeter; alerts: { kind: string }[] }> {
  return new Promise((resolve) => {
    const off = app.events.subscribe((name, payload) => {
      if (name !== 'credits.meter') return;
      off();
      resolve(payload as { meter: CreditMeter; alerts: { kind: string }[] });
    });
  });
}

describe('the embedded billing server', () => {
  it('lets the first agent turn wait for the embedded server instead of refusing it (prepare, then beforeTurn)', async () => {
    const app = createAppServices({ home: tempHome(), host: 'web', version: 'test', env: env() });
    const meter = app.credits.turnMeter;
    // Nothing cached yet: on its own the decision would refuse with "has not reached your billing server".
    expect(meter.beforeTurn()).toMatchObject({ allowed: false, reason: 'no_snapshot' });
    await meter.prepare();
    expect(meter.beforeTurn()).toEqual({ allowed: true });
    await app.close();
  });

  it('meters a personal Free team out of the box, keeps it across restarts and stops with the app', async () => {
    const home = tempHome();
    let app = createAppServices({ home, host: 'web', version: 'test', env: env() });
    const meter = await app.handlers['credits.sync']({});
    expect(meter).toMatchObject({
      state: 'synced',
      queuedEvents: 0,
      remainingMicro: 50 * M,
      decision: { allowed: true, funding: 'included' },
      server: { embedded: true, signedIn: true, email: 'me@courier.local' },
      snapshot: { team: { name: 'Personal', plan: 'free' }, allotmentMicro: 50 * M, includedUsedMicro: 0 },
    });
    expect([...meter.snapshot!.roles].sort()).toEqual(['admin', 'billing']);
    const url = meter.server.url!;
    const teamId = meter.snapshot!.team.id;

    // A turn: the meter event follows; after sync the server has booked exactly its credits.
    const event = nextMeterEvent(app);
    app.workspace.transaction(() => app.credits.turnMeter.recordTurn(turn(1, [{ inputTokens: 4000, outputTokens: 1000, assetWrite: true }])));
    app.credits.turnMeter.afterTurn?.();
    const pushed = await event;
    expect(pushed.meter).toMatchObject({ queuedEvents: 1, queuedMicro: 2 * M, remainingMicro: 48 * M });
    // What crosses to the renderer fits the contract exactly (the transports send it as it is).
    expect(events['credits.meter'].parse(pushed)).toEqual(pushed);
    expect(contract['credits.meter'].output.parse(meter)).toEqual(meter);
    const synced = await app.handlers['credits.sync']({});
    expect(synced).toMatchObject({ queuedEvents: 0, remainingMicro: 48 * M, snapshot: { includedUsedMicro: 2 * M } });
    const details = await app.handlers['team.creditDetails']({});
    expect(details.totals).toMatchObject({ creditsUsedMicro: 2 * M, includedUsedMicro: 2 * M, paygMicro: 0 });
    // You are the billing user of your personal team: adding the AI add-on gives 400 credits, and
    // the meter follows without a manual sync.
    const upgraded = new Promise<CreditMeter>((resolve) => {
      const off = app.events.subscribe((name, payload) => {
        const m = (payload as { meter: CreditMeter }).meter;
        if (name === 'credits.meter' && m.snapshot?.allotmentMicro === 400 * M) {
          off();
          resolve(m);
        }
      });
    });
    expect(await app.handlers['team.setPlan']({ plan: 'free', aiAddon: true })).toMatchObject({ plan: 'free', aiAddon: true });
    expect(await upgraded).toMatchObject({ remainingMicro: 398 * M, snapshot: { team: { aiAddon: true } } });
    expect(JSON.stringify([synced, details])).not.toContain(app.credits.state.embedded()!.token);

    await app.close();
    expect(await refused(url)).toBe(true);

    app = createAppServices({ home, host: 'web', version: 'test', env: env() });
    const again = await app.handlers['credits.sync']({});
    expect(again.snapshot).toMatchObject({ team: { id: teamId, aiAddon: true }, includedUsedMicro: 2 * M });
    await app.close();
  });

  it('signs in to a shared team server (the embedded one stops), refuses a wrong password, and signs out back to the personal team', async () => {
    const mia = await billing.invite('mia@acme.test');
    const home = tempHome();
    const app = createAppServices({ home, host: 'web', version: 'test', env: env() });
    const personal = await app.handlers['credits.sync']({});
    app.workspace.transaction(() => app.credits.turnMeter.recordTurn(turn(1)));
    await app.handlers['credits.sync']({});

    await expect(app.handlers['team.signIn']({ url: billing.url, email: mia.email, password: 'wrong password' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^Signing in failed/),
    });
    expect(app.credits.meter().server.embedded).toBe(true);

    const team = await app.handlers['team.signIn']({ url: billing.url, email: mia.email, password: mia.password });
    expect(team).toMatchObject({
      server: { url: billing.url, embedded: false, signedIn: true, email: 'mia@acme.test' },
      snapshot: { team: { name: 'Acme', plan: 'basic' }, roles: ['member'], allotmentMicro: 400 * M, includedUsedMicro: 0 },
      queuedEvents: 0,
    });
    expect(await refused(personal.server.url!)).toBe(true);
    app.workspace.transaction(() => app.credits.turnMeter.recordTurn(turn(2)));
    await app.handlers['credits.sync']({});
    expect((await billing.details()).members.find((m) => m.email === 'mia@acme.test')?.creditsUsedMicro).toBe(900_000);
    // A member may not read AI Credit Details: the server's 403 arrives as FORBIDDEN.
    await expect(app.handlers['team.creditDetails']({})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const back = await app.handlers['team.signOut']({});
    expect(back).toMatchObject({
      server: { embedded: true, signedIn: true },
      snapshot: { team: { id: personal.snapshot!.team.id }, includedUsedMicro: 900_000 },
    });
    await app.close();
  });

  it('starts signed in to the server named by COURIER_BILLING_URL, COURIER_BILLING_EMAIL and COURIER_BILLING_PASSWORD', async () => {
    const bill = createAppServices({
      home: tempHome(),
      host: 'web',
      version: 'test',
      env: env({ COURIER_BILLING_URL: billing.url, COURIER_BILLING_EMAIL: billing.admin.email, COURIER_BILLING_PASSWORD: billing.admin.password }),
    });
    const meter = await bill.handlers['credits.sync']({});
    expect(meter.server).toEqual({ url: billing.url, embedded: false, signedIn: true, email: 'bill@acme.test' });
    // Bill (admin + billing) sees the members and can turn PAYG on for Mia.
    const { members } = await bill.handlers['team.members']({});
    const mia = members.find((m) => m.email === 'mia@acme.test')!;
    expect(await bill.handlers['team.setPayg']({ userId: mia.id, enabled: true })).toMatchObject({ email: 'mia@acme.test', paygEnabled: true });
    const details = await bill.handlers['team.creditDetails']({ cycle: 'current' });
    expect(details.members.find((m) => m.email === 'mia@acme.test')).toMatchObject({ paygEnabled: true, creditsUsedMicro: 900_000 });
    await bill.close();
  });

  it('refuses bad input at the contract and says when there is no billing server at all', async () => {
    const app = createAppServices({ home: tempHome(), host: 'web', version: 'test', env: env({ COURIER_EMBEDDED_BILLING: '0' }) });
    const bad = await dispatch(app.handlers, 'team.signIn', { url: 'not a url', email: '', password: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch(app.handlers, 'team.setPlan', { plan: 'gold' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const meter = await app.handlers['credits.meter']({});
    expect(meter).toMatchObject({ snapshot: null, state: 'error', server: { embedded: true, signedIn: false, url: null } });
    expect(meter.lastError).toMatch(/Not signed in to a team server/);
    expect(meter.decision).toMatchObject({ allowed: false, reason: 'no_snapshot' });
    await expect(app.handlers['team.members']({})).rejects.toThrow(/sign in/i);
    await app.close();
  });

  it('shows why when the embedded server cannot start, and refuses turns with that reason', async () => {
    const broken = path.join(tempHome(), 'server.mjs');
    fs.writeFileSync(broken, "process.stderr.write('no database for you\\n'); process.exit(3);\n");
    const app = createAppServices({ home: tempHome(), host: 'web', version: 'test', env: env({ COURIER_BILLING_SERVER: broken }) });
    const meter = await app.handlers['credits.sync']({});
    expect(meter).toMatchObject({ state: 'error', snapshot: null, server: { embedded: true, signedIn: false } });
    expect(meter.lastError).toMatch(/The embedded billing server could not start: .*exited \(3\).*no database for you/);
    expect(app.credits.turnMeter.beforeTurn()).toMatchObject({ allowed: false, reason: 'no_snapshot', message: expect.stringContaining('no database for you') });
    await app.close();
  });
});
