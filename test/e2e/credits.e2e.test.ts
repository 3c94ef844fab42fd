// Credits from the user's chair (issue 6): a real billing server process (server/, SQLite), two
// apps on the web host in Chromium — Mia (member) and Bill (admin + billing) — and the scripted
// model server. Mia types her Agent Mode messages into the agent sidebar; only the provider setup
// (Settings → AI, tested in agent-mode.e2e) goes through the page's own RPC socket. Everything
// asserted is on screen: the meter in the top bar, its details, the toasts, the turn's refusal,
// Team Settings → AI Credit Details, invoices; and the client's ledger in its SQLite file.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCreditsShort, formatMoney } from '../../renderer/src/credits/format.js';
import { creditsAmount } from '../../shared/billing/money.js';
import { actionCostMicro, RATE_CARD_V1, type ModelCall } from '../../shared/billing/rate-card.js';
import { startApp, type RunningApp } from '../support/app.js';
import { launchBrowser, skipE2E } from '../support/browser.js';
import { startModelServer, type ModelServer, type ModelStep, type ScriptedToolCall } from '../support/model-server.js';
import { openApp, treeItem } from '../support/ui.js';
import { startBilling, type Billing } from '../credits/billing-fixture.js';
import { runServerCommand, startServerProcess } from '../../server/test-support/processes.js';

const MODEL = 'gpt-4o-mini'; // the rate card's default tier
const MIA = 'mia@acme.test';
const REFUSAL =
  'Your 400 monthly credits are used. A billing user can turn on pay-as-you-go for you in Team Settings → Resource Usage → AI Credit Details.';

/** One scripted model call: the step the model server answers and the call the rate card bills. */
type StepShape = { kind: 'text'; text: string } | { kind: 'tool_calls'; calls: ScriptedToolCall[] };
function call(inputTokens: number, outputTokens: number, step: StepShape = { kind: 'text', text: 'Done.' }) {
  const usage = { prompt_tokens: inputTokens, completion_tokens: outputTokens };
  return { step: { ...step, usage } as ModelStep, inputTokens, outputTokens };
}
type ScriptedCall = ReturnType<typeof call>;

/** What the rate card charges for a turn; `assetWrite` marks calls whose tools created an asset. */
function costOf(calls: ScriptedCall[], assetWrite: boolean[] = []): number {
  const billed: ModelCall[] = calls.map((c, i) => ({ inputTokens: c.inputTokens, outputTokens: c.outputTokens, assetWrite: assetWrite[i] ?? false }));
  return actionCostMicro(RATE_CARD_V1, MODEL, billed);
}

/** Runs in the page: opens the app's RPC socket (as the renderer's client does) and makes the calls in order. */
async function pageRpc(page: Page, app: RunningApp, calls: { channel: string; input: unknown }[]): Promise<void> {
  await page.evaluate(
    ({ url, calls }) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.onerror = () => reject(new Error('rpc socket failed'));
        ws.onopen = () => ws.send(JSON.stringify({ id: 0, ...calls[0] }));
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data)) as { id?: number; reply?: { ok: boolean; error?: unknown } };
          if (typeof msg.id !== 'number' || !msg.reply) return;
          if (!msg.reply.ok) return reject(new Error(`${calls[msg.id].channel}: ${JSON.stringify(msg.reply.error)}`));
          const next = msg.id + 1;
          if (next < calls.length) return ws.send(JSON.stringify({ id: next, ...calls[next] }));
          ws.close();
          resolve();
        };
      }),
    { url: `ws://127.0.0.1:${app.port}/rpc?token=${encodeURIComponent(app.token)}`, calls },
  );
}

interface TurnEnd {
  status: string | null;
  error: string | null;
}

/** Types a message into the agent sidebar and waits for that turn to finish. */
async function agentTurn(page: Page, message: string): Promise<TurnEnd> {
  const sidebar = page.getByTestId('agent-sidebar');
  if (!(await sidebar.count())) await page.getByTestId('agent-toggle').click();
  await sidebar.waitFor();
  const turns = sidebar.getByTestId('agent-turn');
  const before = await turns.count();
  const box = page.getByRole('combobox', { name: 'Message the agent' });
  await box.fill(message);
  await box.press('Enter');
  const turn = turns.nth(before);
  await turn.and(page.locator('[data-status="completed"], [data-status="cancelled"], [data-status="failed"]')).waitFor();
  const error = turn.getByTestId('agent-error');
  return { status: await turn.getAttribute('data-status'), error: (await error.count()) ? await error.locator('p').textContent() : null };
}

/** The credit meter's exact figures, read from the top bar. */
async function meterFigures(page: Page) {
  return {
    remainingMicro: Number(await page.getByTestId('credit-meter').getAttribute('data-remaining-micro')),
    text: (await page.getByTestId('credit-meter-remaining').textContent()) ?? '',
  };
}

/** Waits until the meter shows `remainingMicro` with `queued` events queued, in `state`. */
async function meterSettles(page: Page, remainingMicro: number, state = 'synced', queued = 0): Promise<void> {
  await page.locator(`[data-testid="credit-meter"][data-remaining-micro="${remainingMicro}"][data-state="${state}"][data-queued="${queued}"]`).waitFor();
}

/** Records every toast text the page ever shows (toasts dismiss themselves, so they are caught on sight). */
const RECORD_TOASTS = `(() => {
  window.__toasts = [];
  const seen = new WeakSet();
  const scan = () => {
    for (const el of document.querySelectorAll('[data-testid="toast"]')) {
      if (seen.has(el)) continue;
      seen.add(el);
      window.__toasts.push(el.textContent || '');
    }
  };
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  scan();
})()`;

async function toastsSeen(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__toasts')) as string[];
}

async function waitForToast(page: Page, text: string): Promise<void> {
  await page.waitForFunction(`window.__toasts.some((s) => s.includes(${JSON.stringify(text)}))`);
}

async function openPopover(page: Page): Promise<void> {
  if (!(await page.getByTestId('credit-popover').count())) await page.getByTestId('credit-meter').click();
  await page.getByTestId('credit-popover').waitFor();
}

async function closePopover(page: Page): Promise<void> {
  if (await page.getByTestId('credit-popover').count()) await page.keyboard.press('Escape');
  await page.getByTestId('credit-popover').waitFor({ state: 'detached' });
}

/** The sum of the client's ledger (the outbox in Mia's workspace SQLite), accepted or not. */
function clientLedgerMicro(home: string): { micro: number; queued: number } {
  const db = new Database(path.join(home, 'workspace.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT COALESCE(SUM(credits_micro), 0) AS micro, SUM(status = 'queued') AS queued FROM credit_outbox WHERE status != 'rejected'`).get() as {
      micro: number;
      queued: number | null;
    };
    return { micro: row.micro, queued: row.queued ?? 0 };
  } finally {
    db.close();
  }
}

describe.skipIf(skipE2E)('credits in the app: meter, refusals, PAYG, invoices, offline', () => {
  let browser: Browser;
  let billing: Billing;
  let model: ModelServer;
  let miaApp: RunningApp;
  let billApp: RunningApp;
  let mia: Page;
  let bill: Page;
  let restarted: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  const pageErrors: string[] = [];
  /** Every credit the turns cost, by how they were funded. */
  let spentMicro = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    billing = await startBilling({ plan: 'free', aiAddon: true });
    await billing.invite(MIA);
    model = await startModelServer();
    miaApp = await startApp({
      env: { COURIER_EMBEDDED_BILLING: '0', COURIER_BILLING_URL: billing.url, COURIER_BILLING_EMAIL: MIA, COURIER_BILLING_PASSWORD: 'member-password' },
    });
    billApp = await startApp({ env: { COURIER_EMBEDDED_BILLING: '0' } });
    const m = await openApp(browser, miaApp);
    mia = m.page;
    const b = await openApp(browser, billApp);
    bill = b.page;
    mia.on('pageerror', (e) => pageErrors.push(`mia: ${e.message}`));
    bill.on('pageerror', (e) => pageErrors.push(`bill: ${e.message}`));
    await mia.evaluate(RECORD_TOASTS);
    await pageRpc(mia, miaApp, [
      { channel: 'ai.settings.update', input: { provider: 'compatible', baseUrl: model.url, model: MODEL } },
      { channel: 'ai.setKey', input: { key: 'sk-test-credits-e2e' } },
    ]);
  }, 120_000);

  afterAll(async () => {
    await mia?.close().catch(() => {});
    await bill?.close().catch(() => {});
    await browser?.close();
    await miaApp?.kill();
    await billApp?.kill();
    await model?.close();
    await restarted?.stop();
    await billing?.close();
  });

  /** Mia sends one message; the model answers with the scripted calls. */
  async function miaTurn(message: string, calls: ScriptedCall[]): Promise<TurnEnd> {
    model.push(...calls.map((c) => c.step));
    return agentTurn(mia, message);
  }

  it('shows Mia her 400 credits, then drops by exactly what the rate card charges each turn', async () => {
    await meterSettles(mia, 400_000_000);
    expect((await meterFigures(mia)).text).toBe('400');
    await expect(mia.getByTestId('credit-meter-payg').count()).resolves.toBe(0);

    // A plain answer: 100,000 input and 20,000 output tokens = 50 + 40 = 90 credits.
    const plain = [call(100_000, 20_000)];
    expect((await miaTurn('Explain my API', plain)).status).toBe('completed');
    spentMicro += costOf(plain);
    expect(spentMicro).toBe(90_000_000);
    await meterSettles(mia, 400_000_000 - spentMicro);
    expect((await meterFigures(mia)).text).toBe('310');

    // A turn that creates a collection: its tool-calling model call is billed at the asset discount.
    const creating = [
      call(40_001, 10_000, { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'Billing API' } }] }),
      call(50_001, 1),
    ];
    expect((await miaTurn('Make a Billing API collection', creating)).status).toBe('completed');
    const discounted = costOf(creating, [true, false]);
    expect(discounted).toBeLessThan(costOf(creating));
    expect(discounted).toBe(20_000_250 + 25_002_500); // (40,001×500 + 10,000×2,000) / 2, then 50,001×500 + 2,000
    spentMicro += discounted;
    await meterSettles(mia, 400_000_000 - spentMicro);
    expect((await meterFigures(mia)).text).toBe(formatCreditsShort(400_000_000 - spentMicro));
    expect((await meterFigures(mia)).text).toBe('264.99');
    await treeItem(mia, 'Billing API').waitFor();
  });

  it('toasts at 75% and 100% once each, then refuses her turn with the message that says who can help', async () => {
    const big = [call(200_000, 50_000)]; // 200 credits
    expect((await miaTurn('Write tests for everything', big)).status).toBe('completed');
    spentMicro += costOf(big);
    await meterSettles(mia, 400_000_000 - spentMicro);
    await waitForToast(mia, 'You have used 75% of your 400 monthly credits.');

    const over = [call(100_000, 10_000)]; // 70 credits, 5.00275 of them beyond the allotment
    expect((await miaTurn('Document the collection', over)).status).toBe('completed');
    spentMicro += costOf(over);
    expect(spentMicro).toBe(405_002_750);
    await meterSettles(mia, 0);
    await waitForToast(mia, 'You have used all 400 of your monthly credits.');
    expect(await mia.getByTestId('credit-meter').getAttribute('class')).toContain('tone-out');

    const requestsBefore = model.requests.length;
    const refused = await miaTurn('One more thing', []);
    expect(refused).toEqual({ status: 'failed', error: REFUSAL });
    expect(model.requests.length).toBe(requestsBefore); // no model call was made

    // The meter's details say the same, and a member gets no AI Credit Details.
    await openPopover(mia);
    await expect(mia.getByTestId('credit-popover-refusal').textContent()).resolves.toBe(REFUSAL);
    await expect(mia.getByTestId('open-credit-details').count()).resolves.toBe(0);
    await closePopover(mia);

    // A second sync (new meter events) does not toast the same alerts again.
    await openPopover(mia);
    await mia.getByTestId('credit-sync-now').click();
    await meterSettles(mia, 0);
    await closePopover(mia);
    const toasts = await toastsSeen(mia);
    expect(toasts.filter((t) => t.includes('75%'))).toHaveLength(1);
    expect(toasts.filter((t) => t.includes('used all 400'))).toHaveLength(1);
  });

  it('Bill signs in from Team Settings and turns on pay-as-you-go for Mia on AI Credit Details', async () => {
    await bill.getByTestId('credit-meter').click();
    await bill.getByRole('button', { name: 'Team Settings' }).click();
    const dialog = bill.getByTestId('team-settings');
    await dialog.getByTestId('team-url').fill(billing.url);
    await dialog.getByTestId('team-email').fill('bill@acme.test');
    await dialog.getByTestId('team-password').fill('wrong-password');
    await dialog.getByTestId('team-sign-in').click();
    await expect(dialog.getByTestId('team-error').textContent()).resolves.toMatch(/Signing in failed/);
    await dialog.getByTestId('team-password').fill('bill-password');
    await dialog.getByTestId('team-sign-in').click();
    await dialog.getByTestId('team-server').filter({ hasText: 'bill@acme.test' }).waitFor();
    expect(await dialog.getByTestId('team-server').textContent()).toContain(billing.url);

    await dialog.getByRole('tab', { name: 'Resource Usage' }).click();
    const row = dialog.getByTestId(`credit-member-${MIA}`);
    await row.waitFor();
    expect(await row.getByTestId('member-used').textContent()).toBe(formatCreditsShort(spentMicro, 'up'));
    expect(await dialog.getByTestId('total-unfunded').textContent()).toBe('5.01'); // 5.00275, rounded up for "used"
    expect(await dialog.getByTestId('total-payg').textContent()).toBe('0');
    // The daily chart has a bar for each day of Mia's usage (one, unless the run crossed midnight), labelled with its credits.
    const days = (await billing.details()).daily.filter((d) => d.creditsUsedMicro > 0);
    expect(days.reduce((sum, d) => sum + d.creditsUsedMicro, 0)).toBe(spentMicro);
    const bars = await dialog.getByTestId('usage-chart').locator('rect.usage-bar title').allTextContents();
    for (const d of days) expect(bars).toContain(`${d.date}: ${formatCreditsShort(d.creditsUsedMicro, 'up')} credits`);
    const payg = row.getByTestId('member-payg');
    expect(await payg.isChecked()).toBe(false);
    await row.locator('label.switch').click();
    await row.locator('[data-testid="member-payg"]:checked').waitFor();
  });

  it('Mia goes on under pay-as-you-go after a sync, with the PAYG badge and toast', async () => {
    await openPopover(mia);
    await mia.getByTestId('credit-sync-now').click();
    await mia.getByTestId('credit-meter-payg').waitFor();
    await closePopover(mia);

    const more = [call(66_667, 0)]; // 33.3335 credits, all pay-as-you-go
    expect((await miaTurn('Debug the failing request', more)).status).toBe('completed');
    spentMicro += costOf(more);
    await meterSettles(mia, 0);
    await waitForToast(mia, 'Pay-as-you-go has started');
    const details = await billing.details();
    const row = details.members.find((m) => m.email === MIA)!;
    expect(row.paygMicro).toBe(33_333_500);
    expect(row.creditsUsedMicro).toBe(spentMicro);
  });

  it('offline: the meter says so, turns go on within the allowance and queue, then drain to equal totals', async () => {
    const port = new URL(billing.url).port;
    await billing.stop();

    // Bill's AI Credit Details cannot refresh: the reason is on screen and what he saw stays.
    const details = bill.getByTestId('credit-details');
    await details.getByRole('button', { name: 'Refresh' }).click();
    await details.getByRole('alert').filter({ hasText: 'could not be reached' }).waitFor();
    expect(await details.getByTestId(`credit-member-${MIA}`).count()).toBe(1);

    const offlineTurns = [[call(10_000, 2_500)], [call(8_000, 1_000)]]; // 10 and 6 credits
    for (const [i, calls] of offlineTurns.entries()) {
      expect((await miaTurn(`Offline question ${i + 1}`, calls)).status).toBe('completed');
      spentMicro += costOf(calls);
      await meterSettles(mia, 0, 'offline', i + 1);
    }
    expect(await mia.getByTestId('credit-meter-state').textContent()).toBe('Offline · 2 queued');
    await openPopover(mia);
    await expect(mia.getByTestId('credit-popover-queued').textContent()).resolves.toBe('2 actions · 16 credits');
    await expect(mia.getByTestId('credit-popover-allowance').textContent()).resolves.toBe('9 of 25 pay-as-you-go credits');
    expect(clientLedgerMicro(miaApp.home)).toEqual({ micro: spentMicro, queued: 2 });

    // The server comes back on the same address; "Sync now" drains the queue.
    restarted = await startServerProcess({ ...billing.store.env, PORT: port });
    await mia.getByTestId('credit-sync-now').click();
    await meterSettles(mia, 0, 'synced', 0);
    await closePopover(mia);
    const ledger = clientLedgerMicro(miaApp.home);
    expect(ledger.queued).toBe(0);
    const row = (await billing.details()).members.find((m) => m.email === MIA)!;
    expect(row.creditsUsedMicro).toBe(ledger.micro);
    expect(row.creditsUsedMicro).toBe(spentMicro);
  });

  it('after close-cycles the invoice shows one AI credit usage line for the PAYG credits', async () => {
    const details = await billing.details();
    const paygMicro = details.totals.paygMicro;
    expect(paygMicro).toBe(33_333_500 + 16_000_000);
    const after = new Date(Date.parse(details.cycle.end) + 60_000).toISOString();
    const closed = await runServerCommand(['close-cycles', '--now', after], billing.store.env);
    expect(closed.code, closed.stderr).toBe(0);

    const dialog = bill.getByTestId('team-settings');
    await dialog.getByRole('tab', { name: 'Billing' }).click();
    await dialog.getByTestId('invoice').first().waitFor();
    const lines = dialog.getByTestId('invoice-line-ai_credit_usage');
    await expect(lines.count()).resolves.toBe(1);
    const expected = creditsAmount(paygMicro, '0.04');
    expect(expected.amountMinor).toBe(197); // 49.3335 credits × $0.04 = $1.97334
    expect(await lines.getByTestId('line-amount').textContent()).toBe(formatMoney(expected.amountMinor, 'USD'));
    expect(await lines.getByTestId('line-quantity').textContent()).toBe('49.3335');
    expect(pageErrors).toEqual([]);
  });
});
