// A new user's first minutes, in Chromium against the web host (the app as `npm start` serves it
// where Electron is absent): create a collection and an environment, build a request that uses an
// environment variable, send it to a real server, read status, JSON body and headers, save — then
// stop the app with Ctrl+C, start it again on the same workspace and find everything still there.
// The README's screenshots in docs/ are taken here (UPDATE_SCREENSHOTS=1 npm test).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startApp, tempHome, type RunningApp } from '../support/app.js';
import { launchBrowser, skipE2E } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The README's screenshots: refreshed in docs/ with UPDATE_SCREENSHOTS=1, else kept out of the tree.
const docs = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs') : path.join(repoRoot, '.tmp', 'screenshots');
let browser: Browser;
let server: TestServer;
const apps: RunningApp[] = [];

async function open(app: RunningApp): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('tablist', { name: 'Sidebar panels' }).waitFor();
  expect(errors).toEqual([]);
  return page;
}

async function renameNew(page: Page, current: string, name: string): Promise<void> {
  const input = page.getByLabel(`New name for ${current}`);
  await input.fill(name);
  await input.press('Enter');
}

describe.skipIf(skipE2E)('workspace in the browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const app of apps) await app.kill();
  });

  it('creates, sends, saves and finds it all again after a restart', async () => {
    const home = tempHome();
    const first = await startApp({ home });
    apps.push(first);
    const page = await open(first);

    // A collection, renamed as it is created.
    await page.getByRole('button', { name: 'New collection' }).first().click();
    await renameNew(page, 'New Collection', 'Demo API');
    await expect.poll(() => page.getByRole('treeitem', { name: 'Demo API' }).count()).toBe(1);

    // An environment with the server's address, made active.
    await page.getByRole('tab', { name: 'Environments' }).click();
    await page.getByRole('button', { name: 'New environment' }).click();
    await page.getByLabel('Environment name').fill('Local');
    await page.getByLabel('Variable name 1').fill('baseUrl');
    await page.getByLabel('Value of baseUrl').fill(server.url);
    await page.getByLabel('Variable name 2').fill('apiKey');
    await page.getByLabel('Value of apiKey').fill('k-123-secret');
    await page.getByLabel('Secret apiKey').check();
    await page.getByRole('button', { name: 'Save environment' }).click();
    await page.getByTestId('env-switcher').selectOption({ label: 'Local' });

    // A request in the collection using the variables.
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('button', { name: 'More actions for Demo API' }).click();
    await page.getByRole('menuitem', { name: 'Add request' }).click();
    await renameNew(page, 'New Request', 'Echo users');
    await expect.poll(() => page.getByRole('treeitem', { name: 'GET Echo users' }).count()).toBe(1);
    const url = page.getByTestId('url-input');
    await url.fill('{{baseUrl}}/echo/users?page=2&missing={{nope}}');

    // Known variables coloured as resolved, unknown ones as unresolved.
    await expect.poll(() => page.locator('[data-testid="url-variable"][data-variable="baseUrl"]').getAttribute('data-resolved')).toBe('true');
    await expect.poll(() => page.locator('[data-testid="url-variable"][data-variable="nope"]').getAttribute('data-resolved')).toBe('false');
    // The params table follows the URL.
    const sections = page.getByRole('tablist', { name: 'Request sections' });
    await sections.getByRole('tab', { name: /^Params/ }).click();
    const params = page.getByTestId('params-table');
    await expect.poll(() => params.getByLabel('Key 1').inputValue()).toBe('page');
    await expect.poll(() => params.getByLabel('Value 1').inputValue()).toBe('2');

    await sections.getByRole('tab', { name: /^Headers/ }).click();
    const headers = page.getByTestId('headers-table');
    await headers.getByLabel('Header 1').fill('X-Api-Key');
    await headers.getByLabel('Value 1').fill('{{apiKey}}');

    // Send with the keyboard.
    await url.press('Control+Enter');
    await expect.poll(() => page.getByTestId('response-status').textContent()).toContain('200');
    const body = page.getByTestId('response-body');
    await expect.poll(() => body.textContent()).toContain('"path": "/echo/users"');
    expect(await body.textContent()).toContain('"x-api-key": "k-123-secret"');
    expect(await page.getByTestId('unresolved-warning').textContent()).toContain('nope');
    expect(await page.getByTestId('response-time').textContent()).toMatch(/\d+(\.\d+)?\s*ms|s/);
    expect(await page.getByTestId('response-size').textContent()).toMatch(/\d+(\.\d+)?\s*(B|KB)/);
    await page.getByRole('tab', { name: 'Response headers' }).click();
    expect(await page.getByTestId('response-headers').textContent()).toMatch(/content-type[\s\S]*application\/json/i);
    await page.getByRole('tab', { name: 'Response body' }).click();

    // Unsaved mark, then Ctrl+S saves.
    const tab = page.getByTestId('request-tab').filter({ hasText: 'Echo users' });
    expect(await tab.getAttribute('data-dirty')).toBe('true');
    await url.press('Control+s');
    await expect.poll(() => tab.getAttribute('data-dirty')).toBe('false');

    fs.mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: path.join(docs, 'screenshot-light.png') });
    await page.getByRole('radio', { name: 'Dark theme' }).click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: path.join(docs, 'screenshot-dark.png') });

    // Ctrl+C stops the app cleanly.
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('Courier stopped.');
    await page.close();

    // Started again on the same workspace: everything is still there.
    const second = await startApp({ home });
    apps.push(second);
    const again = await open(second);
    await again.getByRole('treeitem', { name: 'Demo API' }).waitFor();
    const request = again.getByRole('treeitem', { name: 'GET Echo users' });
    if ((await request.count()) === 0) await again.getByRole('treeitem', { name: 'Demo API' }).click();
    await request.click();
    await expect.poll(() => again.getByTestId('url-input').inputValue()).toBe('{{baseUrl}}/echo/users?page=2&missing={{nope}}');
    expect(await again.getByTestId('env-switcher').locator('option:checked').textContent()).toBe('Local');
    await expect.poll(() => again.locator('html').getAttribute('data-theme')).toBe('dark');
    await again.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => again.getByTestId('history-entry').count()).toBe(1);
    expect(await again.getByTestId('history-entry').first().textContent()).toContain('200');
    await again.close();
  }, 120_000);
});
