// The fault test of issue 6: between the client and a real billing server process, a proxy drops,
// delays, duplicates, truncates and cuts answers after the server committed; and the client is
// SIGKILLed at random points 50 times while it records turns and syncs (two processes at a time on
// the same workspace, like the app and the CLI). Afterwards one clean sync
// drains the outbox and the server's totals equal the client's ledger exactly.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFaults, seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { openClient, startBilling, tempHome, type Billing } from './billing-fixture.js';
import { bundle } from './bundles.js';

const KILLS = 50;
const SEED = Number(process.env.FAULT_SEED ?? 20261124);
let billing: Billing;
let proxy: FaultProxy;
let driver: string;

beforeAll(async () => {
  [billing, driver] = await Promise.all([startBilling({ plan: 'professional' }), bundle('test/credits/kill-driver.ts', 'kill-driver')]);
  const random = seededRandom(SEED);
  proxy = await startFaultProxy({
    target: billing.url,
    delayMs: 40,
    choose: randomFaults(random, { drop: 0.1, delay: 0.1, duplicate: 0.1, cut: 0.15, truncate: 0.1, error: 0.05 }),
  });
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await billing?.close();
  if (driver) fs.rmSync(driver, { force: true });
});

function startDriver(home: string, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; firstLine: Promise<string> } {
  const child = spawn(process.execPath, [driver], { env: { ...process.env, COURIER_HOME: home, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code, signal) => reject(new Error(`driver exited (${code ?? signal}) before starting: ${stderr}`)));
  });
  return { child, firstLine };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('killed clients and a faulty network', () => {
  it(`loses nothing and counts nothing twice across ${KILLS} SIGKILLs at random points`, async () => {
    const home = tempHome('courier-kill-');
    const member = await billing.invite('kill@acme.test');
    const setup = openClient({ home });
    await setup.credits.signIn({ url: proxy.url, email: member.email, password: member.password });
    await setup.close();

    const random = seededRandom(SEED + 1);
    const lane = async (runs: number) => {
      for (let i = 0; i < runs; i++) {
        const { child, firstLine } = startDriver(home);
        await firstLine;
        await new Promise((r) => setTimeout(r, 10 + Math.floor(random() * 200)));
        await killed(child);
      }
    };
    await Promise.all([lane(KILLS / 2), lane(KILLS / 2)]);

    proxy.setChoose(undefined);
    const client = openClient({ home });
    const meter = await client.credits.sync();
    expect(meter).toMatchObject({ state: 'synced', queuedEvents: 0, rejected: [] });
    const ledger = client.credits.outbox.ledger(client.credits.accountKey());
    const events = client.workspace.sqlite.prepare('SELECT COUNT(*) AS n, MAX(seq) AS top FROM credit_outbox').get() as { n: number; top: number };
    await client.close();

    expect(ledger.events).toBeGreaterThan(KILLS);
    expect(events).toEqual({ n: ledger.events, top: ledger.events });
    const server = (await billing.details()).members.find((m) => m.email === 'kill@acme.test')!;
    expect(server.creditsUsedMicro).toBe(ledger.micro);
    expect(proxy.counts.cut + proxy.counts.duplicate + proxy.counts.truncate + proxy.counts.drop).toBeGreaterThan(10);
  }, 120_000);

  it('the embedded billing server exits when its app is SIGKILLed', async () => {
    const { child, firstLine } = startDriver(tempHome('courier-kill-embedded-'), { DRIVER_MODE: 'embedded' });
    const url = await firstLine;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await killed(child);
    // The server sees its stdin close and shuts down: wait until it refuses connections.
    for (;;) {
      const refused = await fetch(`${url}/healthz`).then(
        () => false,
        () => true,
      );
      if (refused) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 60_000);
});
