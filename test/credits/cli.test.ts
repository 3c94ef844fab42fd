// `courier login / logout / sync / credits` as a user runs them: the CLI bundled, real processes, a
// real billing server process behind the fault proxy (to take it away), the embedded server when
// signed out.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { openClient, recordTurn, startBilling, tempHome, turn, type Billing } from './billing-fixture.js';
import { bundle } from './bundles.js';

const M = 1_000_000;
let billing: Billing;
let proxy: FaultProxy;
let cli: string;
const home = tempHome('courier-credits-cli-');

beforeAll(async () => {
  [billing, cli] = await Promise.all([startBilling({ plan: 'basic' }), bundle('electron/cli/main.ts', 'cli')]);
  proxy = await startFaultProxy({ target: billing.url });
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await billing?.close();
  if (cli) fs.rmSync(cli, { force: true });
});

function courier(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; json: () => Record<string, unknown> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, COURIER_HOME: home, COURIER_USER_EMAIL: 'me@courier.local', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> }));
  });
}

/** Usage recorded by "the app" on the same workspace while the CLI is not running. */
async function recordTurns(count: number): Promise<void> {
  const client = openClient({ home });
  for (let i = 0; i < count; i++) recordTurn(client, turn(i));
  await client.close();
}

describe('courier credit commands', () => {
  it('credits: with no team server, the embedded personal team on the Free plan', async () => {
    const out = await courier('credits');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.json()).toMatchObject({
      team: { name: 'Personal', plan: 'free' },
      allotmentMicro: 50 * M,
      includedUsedMicro: 0,
      queued: { events: 0, micro: 0 },
      remainingMicro: 50 * M,
      sync: { state: 'synced' },
      server: { embedded: true, email: 'me@courier.local' },
    });
    const client = openClient({ home });
    const token = client.credits.state.embedded()?.token;
    await client.close();
    expect(token).toMatch(/.{20}/);
    expect(out.stdout).not.toContain(token);
  });

  it('login: a wrong password is refused with the reason; the right one signs in', async () => {
    const wrong = await courier('login', '--server', proxy.url, '--email', billing.admin.email, '--password', 'not it');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^courier login: Signing in failed: /);
    const missing = await courier('login', '--server', proxy.url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--server, --email and --password are required');

    const ok = await courier('login', '--server', proxy.url, '--email', billing.admin.email, '--password', billing.admin.password);
    expect(ok.stderr).toBe('');
    expect(ok.json()).toMatchObject({ signedIn: true, server: { url: proxy.url, embedded: false, email: 'bill@acme.test' } });
  });

  it('sync: offline it fails with exit 1 and keeps the queue; back online it sends it and credits shows the server’s numbers', async () => {
    await recordTurns(3);
    await proxy.down();
    const offline = await courier('sync');
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/could not be reached/);
    expect(offline.json()).toMatchObject({ state: 'offline', queued: { events: 3, micro: 3 * 900_000 } });
    await proxy.up();
    const online = await courier('sync');
    expect(online.stderr).toBe('');
    expect(online.json()).toMatchObject({ state: 'synced', queued: { events: 0, micro: 0 } });
    const credits = await courier('credits');
    expect(credits.json()).toMatchObject({ team: { name: 'Acme', plan: 'basic' }, includedUsedMicro: 3 * 900_000, queued: { events: 0, micro: 0 } });
    expect((await billing.details()).totals.creditsUsedMicro).toBe(3 * 900_000);
  });

  it('logout: back to the personal team, whose usage was kept', async () => {
    const out = await courier('logout');
    expect(out.stderr).toBe('');
    expect(out.json()).toMatchObject({ signedOut: true, server: { embedded: true } });
    const credits = await courier('credits');
    expect(credits.json()).toMatchObject({ team: { name: 'Personal' }, includedUsedMicro: 0 });
    expect(fs.existsSync(path.join(home, 'billing', 'billing.sqlite'))).toBe(true);
    const extra = await courier('sync', 'now');
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain('sync takes no arguments');
  });
});
