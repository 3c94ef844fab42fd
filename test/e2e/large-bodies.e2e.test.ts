// Large responses in Chromium, against a real loopback server streaming a JSON array
// (/big-json?mb=…). The Settings dialog lowers the response body limit to 1 MB: a 5 MB body is
// saved to a file, the notice says so with its size and the limit, the first part is read back in
// 1 MB chunks and shown, and the limit survives a reload. Back at the 100 MB default a 50 MB JSON
// body is held in memory: status and size show, the pretty view renders, Ctrl+F in the viewer finds
// the very last item, and the rest of the UI still answers (typing in the URL, switching response
// tabs). Behaviour only: nothing here measures time. Last, the default timeout from the dialog goes
// to new requests and leaves existing ones alone.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { bigJson } from '../support/test-server.js';
import { addChild, gotoBuiltUi, newCollection, openApp, treeItem } from '../support/ui.js';

const suite = newBrowserSuite();
const MB = 1024 * 1024;
/** For waits on work that grows with the body (and with the machine's load): generous, never asserted on. */
const LONG = { timeout: 120_000 };

async function requestPage(name: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(suite.browser, suite.app);
  suite.pages.push(opened.page);
  await newCollection(opened.page, `${name} API`);
  await addChild(opened.page, `${name} API`, 'request', name);
  return opened;
}

/** Opens Settings from the top bar (or with Ctrl+,) and waits for the form. */
async function openSettings(page: Page, via: 'button' | 'shortcut' = 'button'): Promise<Locator> {
  if (via === 'button') await page.getByRole('button', { name: 'Settings', exact: true }).click();
  else await page.keyboard.press('Control+Comma');
  const dialog = page.getByTestId('settings-dialog');
  await dialog.getByTestId('body-limit-input').waitFor();
  expect(await dialog.getAttribute('role')).toBe('dialog');
  expect(await dialog.getAttribute('aria-label')).toBe('Settings');
  return dialog;
}

async function saveSettings(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function setBodyLimit(page: Page, mb: string): Promise<void> {
  const dialog = await openSettings(page);
  await dialog.getByLabel('Response body limit (MB)', { exact: true }).fill(mb);
  await saveSettings(dialog);
}

/** Sends `path` on the test server and waits for the status of this response. */
async function sendAndWait(page: Page, path: string): Promise<void> {
  const before = suite.server.requests.length;
  await page.getByTestId('url-input').fill(`${suite.server.url}${path}`);
  await page.getByRole('button', { name: 'Send request', exact: true }).click();
  await expect.poll(() => suite.server.requests.length).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Send request', exact: true }).waitFor(LONG);
  await page.getByTestId('response-status').waitFor();
}

/** The lines a CodeMirror view currently renders (it virtualises: only those near the viewport). */
const renderedLines = (viewer: Locator) => viewer.locator('.cm-line').allTextContents();
const responseTab = (page: Page, name: RegExp) => page.getByRole('tablist', { name: 'Response sections' }).getByRole('tab', { name });

describe.skipIf(skipE2E)('large response bodies in the browser', () => {
  startBrowserSuite(suite);

  it('saves a body over the limit set in Settings to a file, shows its first part, and keeps the limit', async () => {
    const { page, errors } = await requestPage('Five MB');

    // The dialog shows the default; a limit that is not a positive number is refused inline.
    let dialog = await openSettings(page);
    const limit = dialog.getByTestId('body-limit-input');
    expect(await limit.inputValue()).toBe('100');
    expect(await dialog.getByTestId('default-timeout-input').inputValue()).toBe('30000');
    const save = dialog.getByRole('button', { name: 'Save', exact: true });
    for (const bad of ['0', '-3', '']) {
      await limit.fill(bad);
      await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Enter a positive number of megabytes, such as 100.');
      expect(await limit.getAttribute('aria-invalid')).toBe('true');
      expect(await save.isDisabled()).toBe(true);
    }
    await limit.fill('1');
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(0);
    expect(await limit.getAttribute('aria-invalid')).toBeNull();
    await saveSettings(dialog);

    // ~5 MB answered: over the 1 MB limit, so streamed to a file.
    const expected = bigJson(5);
    await sendAndWait(page, '/big-json?mb=5');
    expect(await page.getByTestId('response-status').textContent()).toContain('200');
    const notice = (await page.getByTestId('body-file-notice').textContent()) ?? '';
    const m = /^The body is 5\.0 MB, over the 1 MB limit, so it was saved to (.+)$/.exec(notice);
    expect(m, notice).not.toBeNull();
    const file = m![1];
    expect(path.resolve(file).startsWith(path.resolve(suite.app.home) + path.sep)).toBe(true);
    expect(fs.statSync(file).size).toBe(expected.bytes);
    expect(fs.readFileSync(file, 'utf8').endsWith(`{"id":${expected.items - 1},"name":"item-${expected.items - 1}"}]`)).toBe(true);

    // The first MB is read back from that file (http.readBodyFile) and shown pretty; more on request.
    const status = page.locator('.file-body-status');
    await expect.poll(() => status.textContent(), LONG).toContain('Showing the first 1.00 MB of 5.00 MB');
    const viewer = page.getByTestId('response-body').locator('.cm-editor');
    await expect.poll(async () => (await renderedLines(viewer)).slice(0, 5), LONG).toEqual(['[', '  {', '    "id": 0,', '    "name": "item-0"', '  },']);
    await page.getByRole('button', { name: 'Load the next 1 MB', exact: true }).click();
    await expect.poll(() => status.textContent(), LONG).toContain('Showing the first 2.00 MB of 5.00 MB');

    // The limit was saved: after a reload the dialog (opened with Ctrl+,) shows 1 MB.
    await gotoBuiltUi(page, suite.app.url);
    await page.getByRole('tablist', { name: 'Sidebar panels' }).waitFor();
    dialog = await openSettings(page, 'shortcut');
    await expect.poll(() => dialog.getByTestId('body-limit-input').inputValue(), LONG).toBe('1');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  }, 180_000);

  it('shows a 50 MB JSON body: size, pretty view, search to the last item, and the UI still answers', async () => {
    const { page, errors } = await requestPage('Fifty MB');
    await setBodyLimit(page, '100');
    const { items, bytes } = bigJson(50);
    const last = `item-${items - 1}`;

    await sendAndWait(page, '/big-json?mb=50');
    expect(await page.getByTestId('response-status').textContent()).toContain('200');
    // Kept in memory (under the limit), not in a file.
    expect(await page.getByTestId('body-file-notice').count()).toBe(0);
    const size = (await page.getByTestId('response-size').textContent()) ?? '';
    const sizeMb = Number(/^([\d.]+) MB$/.exec(size)?.[1]);
    expect(sizeMb, size).toBeGreaterThanOrEqual(49.5);
    expect(sizeMb, size).toBeLessThanOrEqual(50.5);
    expect(bytes).toBeGreaterThanOrEqual(50 * MB);

    // The pretty view renders the first lines.
    const body = page.getByTestId('response-body');
    const viewer = body.locator('.cm-editor');
    await expect.poll(async () => (await renderedLines(viewer)).slice(0, 4), LONG).toEqual([
      '[',
      '  {',
      '    "id": 0,',
      '    "name": "item-0"',
    ]);

    // Ctrl+F in the viewer finds the last item, 50 MB further down.
    await viewer.locator('.cm-content').click();
    await page.keyboard.press('Control+f');
    const find = viewer.getByRole('textbox', { name: 'Find', exact: true });
    await find.waitFor();
    // Typed, not filled: the search panel takes its query on keyup, as when a user types it.
    await find.pressSequentially(`"${last}"`);
    // The search runs while Enter is handled: the key press waits for it.
    await find.press('Enter', LONG);
    await expect.poll(() => viewer.locator('.cm-searchMatch-selected').textContent(), LONG).toBe(`"${last}"`);
    expect(await renderedLines(viewer)).toContain(`    "name": "${last}"`);

    // The rest of the UI answers: typing in the URL changes it…
    const url = page.getByTestId('url-input');
    await url.click();
    await url.press('End');
    await page.keyboard.type('&typed=yes');
    await expect.poll(() => url.inputValue(), LONG).toBe(`${suite.server.url}/big-json?mb=50&typed=yes`);

    // …and the response tabs switch, with the body still there when coming back.
    await responseTab(page, /^Response headers/).click();
    const headers = page.getByTestId('response-headers');
    await headers.waitFor();
    expect((await headers.textContent())?.toLowerCase()).toContain(`content-length${bytes}`);
    await responseTab(page, /^Response body/).click();
    await body.waitFor();
    await expect.poll(() => renderedLines(viewer), LONG).toContain(`    "name": "${last}"`);
    expect(errors).toEqual([]);
  }, 300_000);

  it('gives new requests the default timeout from Settings; existing requests keep their own', async () => {
    const { page, errors } = await requestPage('Existing');
    const timeoutOf = async () => {
      await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: 'Settings' }).click();
      return page.getByLabel('Timeout in milliseconds', { exact: true }).inputValue();
    };
    expect(await timeoutOf()).toBe('30000');

    const dialog = await openSettings(page);
    const timeout = dialog.getByTestId('default-timeout-input');
    await timeout.fill('1.5');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^Enter a whole number of milliseconds from 0 \(no timeout\)/);
    expect(await dialog.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await timeout.fill('120000');
    await saveSettings(dialog);

    // A new tab and a request added to the tree take it…
    await page.getByRole('button', { name: 'New request tab', exact: true }).click();
    expect(await timeoutOf()).toBe('120000');
    await addChild(page, 'Existing API', 'request', 'Added');
    expect(await timeoutOf()).toBe('120000');
    // …the request made before keeps 30 s.
    await treeItem(page, 'GET Existing').click();
    expect(await timeoutOf()).toBe('30000');
    expect(errors).toEqual([]);
  }, 120_000);
});
