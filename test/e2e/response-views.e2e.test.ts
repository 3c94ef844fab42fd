// The response as a user reads it, in Chromium against a real loopback server: HTML previewed in a
// sandboxed frame (no scripts), an image shown as an image, cookies a response set (in the response
// and in the cookie jar, which sends them back until "Clear all" empties it), response headers
// including repeated ones.
//
// A body over the response size limit going to a file, set in the Settings dialog, is covered in
// large-bodies.e2e.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app.js';
import { launchBrowser, skipE2E } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addChild, newCollection, openApp } from '../support/ui.js';

let browser: Browser;
let server: TestServer;
let app: RunningApp;
const apps: RunningApp[] = [];
const pages: Page[] = [];

async function requestPage(name: string, on = app): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, on);
  pages.push(opened.page);
  await newCollection(opened.page, `${name} API`);
  await addChild(opened.page, `${name} API`, 'request', name);
  return opened;
}

/** Sends `path` on the test server and waits for this response's status (the URL shows in the sent request). */
async function sendAndWait(page: Page, path: string): Promise<void> {
  const before = server.requests.length;
  await page.getByTestId('url-input').fill(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Send request', exact: true }).click();
  await expect.poll(() => server.requests.length).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Send request', exact: true }).waitFor();
  await page.getByTestId('response-status').waitFor();
}

const responseTab = (page: Page, name: string | RegExp) => page.getByRole('tablist', { name: 'Response sections' }).getByRole('tab', { name });

describe.skipIf(skipE2E)('response views in the browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
    app = await startApp();
    apps.push(app);
  });

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {});
    await browser?.close();
    await server?.close();
    for (const a of apps) await a.kill();
  });

  it('previews HTML in a sandboxed frame without scripts, and shows an image as an image', async () => {
    const { page, errors } = await requestPage('Views');
    await sendAndWait(page, '/html');
    await expect.poll(() => page.getByTestId('response-status').textContent()).toContain('200');
    // Pretty first: the markup as text.
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('<p>hi</p>');

    await page.getByRole('radiogroup', { name: 'Body view' }).getByRole('radio', { name: 'Preview', exact: true }).click();
    const frame = page.getByTestId('response-preview');
    await frame.waitFor();
    const sandbox = await frame.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    expect(await frame.getAttribute('title')).toBe('Response preview');
    // The page is rendered inside it.
    await expect.poll(() => page.frameLocator('[data-testid="response-preview"]').locator('p').textContent()).toBe('hi');

    // An image response: an <img> of the PNG, with its size.
    await sendAndWait(page, '/image');
    const image = page.getByTestId('response-image');
    await image.waitFor();
    const img = image.getByRole('img', { name: 'Response body' });
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    // The size shows once the browser has decoded the picture.
    await expect.poll(() => image.textContent()).toContain('1 × 1 px');
    expect(errors).toEqual([]);
  }, 120_000);

  it('lists response headers, repeated ones too', async () => {
    const { page, errors } = await requestPage('Headers');
    await sendAndWait(page, '/multi-header');
    await responseTab(page, /^Response headers/).click();
    const table = page.getByTestId('response-headers');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').join(': ').toLowerCase()),
    );
    expect(rows).toContain('content-type: text/plain');
    expect(rows).toContain('content-length: 5');
    expect(rows.filter((r) => r.startsWith('x-multi: '))).toEqual(['x-multi: one', 'x-multi: two']);
    expect(rows.filter((r) => r.startsWith('set-cookie: '))).toEqual(['set-cookie: m1=a; path=/', 'set-cookie: m2=b; path=/']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the cookies a response set, keeps them in the jar, and Clear all empties it', async () => {
    // Its own workspace, so the jar holds only what this test's responses set.
    const own = await startApp();
    apps.push(own);
    const { page, errors } = await requestPage('Cookies', own);
    await sendAndWait(page, '/set-cookie?a=1&b=two');
    await responseTab(page, /^Response cookies/).click();
    const cookies = page.getByTestId('response-cookies');
    await cookies.waitFor();
    const cells = () =>
      cookies.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)));
    expect(await cells()).toEqual([
      ['a', '1', '127.0.0.1', '/'],
      ['b', 'two', '127.0.0.1', '/'],
    ]);

    // The jar sends them back on the next request to that host.
    await sendAndWait(page, '/cookies');
    await responseTab(page, /^Response body/).click();
    await expect.poll(() => page.getByTestId('response-body').textContent()).toMatch(/"cookie": "a=1; b=two"/);

    // The Cookies dialog lists the jar.
    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookies' });
    const jar = dialog.getByTestId('cookie-jar');
    await jar.waitFor();
    const jarNames = () => jar.locator('tbody tr td:first-child').allTextContents();
    expect((await jarNames()).sort()).toEqual(['a', 'b']);
    expect(await jar.textContent()).toContain('127.0.0.1');

    // Clear all asks, then empties it.
    await dialog.getByRole('button', { name: 'Clear all', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Clear cookies' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Delete all 2 cookies from the jar?');
    await confirm.getByRole('button', { name: 'Clear all', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => dialog.textContent()).toContain('The cookie jar is empty.');
    expect(await dialog.getByTestId('cookie-jar').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Clear all', exact: true }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // And nothing goes back to the server any more.
    await sendAndWait(page, '/cookies');
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"cookie": null');
    expect(errors).toEqual([]);
  }, 120_000);
});
