// Team Settings from the user's chair, against a real billing server process (server/, SQLite) and
// the web host in Chromium: an admin invites, re-roles and removes members; a billing user changes
// the plan and the meter's allotment follows; the user's own AI switch (Settings → AI) and, on
// Enterprise, the team's switch (Team Settings → Team) refuse AI with the server's message; an
// admin who is not a billing user sees pay-as-you-go read-only and no Billing tab; signing out keeps
// the workspace.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app.js';
import { launchBrowser, skipE2E } from '../support/browser.js';
import { newCollection, openApp, treeItem } from '../support/ui.js';
import { startBilling, type Billing } from '../credits/billing-fixture.js';

describe.skipIf(skipE2E)('Team Settings: members, plan, AI switches, roles', () => {
  let browser: Browser;
  let billing: Billing;
  let app: RunningApp;
  let page: Page;
  let dialog: Locator;
  const errors: string[] = [];
  let adaPassword = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    billing = await startBilling({ plan: 'free' });
    app = await startApp({
      env: { COURIER_EMBEDDED_BILLING: '0', COURIER_BILLING_URL: billing.url, COURIER_BILLING_EMAIL: 'bill@acme.test', COURIER_BILLING_PASSWORD: 'bill-password' },
    });
    page = (await openApp(browser, app)).page;
    page.on('pageerror', (e) => errors.push(e.message));
    dialog = page.getByTestId('team-settings');
  }, 120_000);

  afterAll(async () => {
    await page?.close().catch(() => {});
    await browser?.close();
    await app?.kill();
    await billing?.close();
  });

  async function tab(name: string): Promise<void> {
    await dialog.getByRole('tab', { name, exact: true }).click();
  }

  /** The meter's refusal, from its details popover (closed again afterwards). */
  async function refusal(): Promise<string | null> {
    await page.getByTestId('credit-meter').click();
    await page.getByTestId('credit-popover').waitFor();
    const box = page.getByTestId('credit-popover-refusal');
    const text = (await box.count()) ? await box.textContent() : null;
    await page.keyboard.press('Escape');
    await page.getByTestId('credit-popover').waitFor({ state: 'detached' });
    return text;
  }

  it('shows the Free plan allotment and opens Team Settings from Settings', async () => {
    await page.locator('[data-testid="credit-meter"][data-state="synced"]').waitFor();
    expect(await page.getByTestId('credit-meter-remaining').textContent()).toBe('50');
    await page.getByTestId('settings-button').click();
    await page.getByRole('button', { name: 'Team Settings…' }).click();
    await dialog.getByTestId('team-server').filter({ hasText: 'bill@acme.test' }).waitFor();
    expect(await page.getByTestId('settings-dialog').count()).toBe(0);
  });

  it('an admin invites members with roles, changes a role and removes a member', async () => {
    await tab('Members');
    const invite = dialog.locator('form.invite-form');
    await invite.getByLabel('Email', { exact: true }).fill('ada@acme.test');
    await invite.getByLabel('Name', { exact: true }).fill('Ada');
    await invite.getByLabel('admin', { exact: true }).check();
    await invite.getByLabel('member', { exact: true }).uncheck();
    await invite.getByRole('button', { name: 'Invite' }).click();
    const result = dialog.getByTestId('invite-result');
    await result.waitFor();
    adaPassword = (await result.locator('code').textContent()) ?? '';
    expect(adaPassword.length).toBeGreaterThanOrEqual(8);
    const ada = dialog.getByTestId('member-ada@acme.test');
    expect(await ada.getByLabel('admin role for ada@acme.test').isChecked()).toBe(true);
    expect(await ada.getByLabel('member role for ada@acme.test').isChecked()).toBe(false);

    // The form starts over with the member role; Zed gets billing afterwards in the table.
    expect(await invite.getByLabel('member', { exact: true }).isChecked()).toBe(true);
    await invite.getByLabel('Email', { exact: true }).fill('zed@acme.test');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const zed = dialog.getByTestId('member-zed@acme.test');
    await zed.waitFor();
    await zed.getByLabel('billing role for zed@acme.test').click(); // applied when the server answered
    await zed.locator('input[aria-label="billing role for zed@acme.test"]:checked').waitFor();
    const members = await billing.api.get<{ members: { email: string; roles: string[] }[] }>(`/v1/teams/${billing.teamId}/members`);
    expect(members.body.members.find((m) => m.email === 'zed@acme.test')?.roles.sort()).toEqual(['billing', 'member']);

    await zed.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).last().click(); // the confirmation
    await zed.waitFor({ state: 'detached' });
    const after = await billing.api.get<{ members: { email: string }[] }>(`/v1/teams/${billing.teamId}/members`);
    expect(after.body.members.map((m) => m.email)).not.toContain('zed@acme.test');
  });

  it('a billing user changes the plan and the meter follows; the own AI switch in Settings → AI refuses AI', async () => {
    await tab('Resource Usage');
    await dialog.getByTestId('plan-select').selectOption('basic');
    expect(await dialog.getByTestId('plan-addon').isDisabled()).toBe(true); // only Free sells the add-on
    await dialog.getByTestId('plan-save').click();
    await dialog.getByTestId('plan-current').filter({ hasText: 'Basic' }).waitFor();
    await page.locator('[data-testid="credit-meter"][data-remaining-micro="400000000"]').waitFor();
    await page.getByRole('button', { name: 'Close dialog' }).click();

    await page.getByTestId('settings-button').click();
    const settings = page.getByTestId('settings-dialog');
    await settings.getByRole('tab', { name: 'AI', exact: true }).click();
    const mine = settings.getByTestId('my-ai');
    await mine.locator('label.switch').click();
    await mine.locator('[data-testid="my-ai-switch"]:not(:checked)').waitFor();
    await settings.getByRole('button', { name: 'Cancel' }).click();
    expect(await refusal()).toBe('AI is turned off in your settings. You can turn it on in Settings → AI.');

    await page.getByTestId('settings-button').click();
    await settings.getByRole('tab', { name: 'AI', exact: true }).click();
    await mine.locator('label.switch').click();
    await mine.locator('[data-testid="my-ai-switch"]:checked').waitFor();
    await settings.getByRole('button', { name: 'Cancel' }).click();
    expect(await refusal()).toBeNull();
  });

  it('on Enterprise the admin turns AI off for the whole team in Team Settings → Team', async () => {
    await page.getByTestId('credit-meter').click();
    await page.getByRole('button', { name: 'AI Credit Details' }).click();
    await dialog.getByTestId('plan-select').selectOption('enterprise');
    await dialog.getByTestId('plan-save').click();
    await page.locator('[data-testid="credit-meter"][data-remaining-micro="1000000000"]').waitFor();
    await tab('Team');
    expect(await dialog.getByTestId('my-ai').count()).toBe(0);
    const team = dialog.getByTestId('team-ai');
    await team.locator('label.switch').click();
    await team.locator('[data-testid="team-ai-switch"]:not(:checked)').waitFor();
    await page.getByRole('button', { name: 'Close dialog' }).click();
    expect(await refusal()).toBe('AI is turned off for your team. You can turn it on in Team Settings → AI.');
  });

  it('an admin who is not a billing user sees PAYG read-only and no Billing tab; signing out keeps the workspace', async () => {
    await newCollection(page, 'Kept API');
    await page.getByTestId('credit-meter').click();
    await page.getByRole('button', { name: 'Team Settings' }).click();
    await dialog.getByTestId('team-url').fill(billing.url);
    await dialog.getByTestId('team-email').fill('ada@acme.test');
    await dialog.getByTestId('team-password').fill(adaPassword);
    await dialog.getByTestId('team-sign-in').click();
    await dialog.getByTestId('team-server').filter({ hasText: 'ada@acme.test' }).waitFor();
    // Ada is an admin on Enterprise: she sees the team switch (off) and can turn it back on.
    const team = dialog.getByTestId('team-ai');
    expect(await team.getByTestId('team-ai-switch').isChecked()).toBe(false);
    await team.locator('label.switch').click();
    await team.locator('[data-testid="team-ai-switch"]:checked').waitFor();

    expect(await dialog.getByRole('tab', { name: 'Billing', exact: true }).count()).toBe(0);
    await tab('Resource Usage');
    const payg = dialog.getByTestId('credit-member-bill@acme.test').getByTestId('member-payg');
    await payg.waitFor();
    expect(await payg.isDisabled()).toBe(true);
    expect(await dialog.getByTestId('plan-section').textContent()).toContain('Only a billing user can change the plan.');

    await tab('Team');
    await dialog.getByTestId('team-sign-out').click();
    await dialog.getByTestId('team-server').filter({ hasText: 'built-in personal team' }).waitFor();
    await page.getByRole('button', { name: 'Close dialog' }).click();
    await treeItem(page, 'Kept API').waitFor();
    expect(errors).toEqual([]);
  });
});
