// What a user sees when a send goes wrong, in Chromium against real loopback servers: an invalid
// URL, nothing listening, a self-signed certificate (and the Settings switch that accepts it), a
// response cut off mid-body, JSON that does not parse, a slow answer cancelled. Each shows a clear
// error, and the request being edited (URL, headers) is still exactly as typed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { addChild, newCollection, openApp } from '../support/ui.js';

const suite = newBrowserSuite();

/** A saved request in its own collection, with one header, open in the editor. */
async function requestWithHeader(name: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(suite.browser, suite.app);
  suite.pages.push(opened.page);
  const { page } = opened;
  await newCollection(page, `${name} API`);
  await addChild(page, `${name} API`, 'request', name);
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Headers/ }).click();
  const headers = page.getByTestId('headers-table');
  await headers.getByLabel('Header 1', { exact: true }).fill('X-Trace');
  await headers.getByLabel('Value 1', { exact: true }).fill('keep-me');
  return opened;
}

/** Types the URL and sends with the Send button. */
async function send(page: Page, url: string): Promise<void> {
  await page.getByTestId('url-input').fill(url);
  await page.getByRole('button', { name: 'Send request', exact: true }).click();
}

/**
 * Waits until the error panel shows `code` and every fragment (each step's fragments differ from
 * the step before, so a stale panel never passes), then returns its text.
 */
async function expectError(page: Page, code: string, ...fragments: string[]): Promise<string> {
  const read = async () => {
    if ((await page.getByTestId('send-error').count()) === 0) return { code: '', text: '' };
    return {
      code: ((await page.getByTestId('send-error-code').textContent()) ?? '').trim(),
      text: (await page.getByTestId('send-error').textContent()) ?? '',
    };
  };
  await expect.poll(async () => {
    const shown = await read();
    return shown.code === code && fragments.every((f) => shown.text.includes(f)) ? 'shown' : `${shown.code}: ${shown.text}`;
  }).toBe('shown');
  await page.getByRole('button', { name: 'Send request', exact: true }).waitFor();
  return (await read()).text;
}

/** The draft is untouched: URL as typed, the header still there. */
async function expectDraft(page: Page, url: string): Promise<void> {
  expect(await page.getByTestId('url-input').inputValue()).toBe(url);
  const headers = page.getByTestId('headers-table');
  expect(await headers.getByLabel('Header 1', { exact: true }).inputValue()).toBe('X-Trace');
  expect(await headers.getByLabel('Value 1', { exact: true }).inputValue()).toBe('keep-me');
}

describe.skipIf(skipE2E)('send errors in the browser', () => {
  startBrowserSuite(suite);

  it('invalid URLs and a closed port give a clear error, and the draft stays as typed', async () => {
    const { page, errors } = await requestWithHeader('Bad input');

    await send(page, 'http://exa mple.com/users');
    await expectError(page, 'INVALID_URL', 'Invalid URL: http://exa mple.com/users', 'Check the URL');
    await expectDraft(page, 'http://exa mple.com/users');

    await send(page, 'ht!tp://x');
    await expectError(page, 'INVALID_URL', 'Invalid URL: ht!tp://x');
    await expectDraft(page, 'ht!tp://x');

    await send(page, 'ftp://127.0.0.1/file');
    await expectError(page, 'INVALID_URL', 'ftp://127.0.0.1/file (only http:// and https:// are supported)');
    await expectDraft(page, 'ftp://127.0.0.1/file');

    await send(page, 'http://127.0.0.1:1/');
    await expectError(page, 'CONNECTION_REFUSED', 'Connection refused by 127.0.0.1:1', 'Nothing is listening there');
    await expectDraft(page, 'http://127.0.0.1:1/');

    // After all that, the same tab still sends: the header goes out as typed.
    await send(page, `${suite.server.url}/echo/after-errors`);
    await expect.poll(() => page.getByTestId('response-status').textContent()).toContain('200');
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"x-trace": "keep-me"');
    expect(errors).toEqual([]);
  }, 120_000);

  it('a self-signed certificate fails with TLS until Verify TLS is turned off in Settings', async () => {
    const { page, errors } = await requestWithHeader('Self signed');
    const url = `${suite.server.httpsUrl}/echo/tls`;
    const before = suite.server.hits('/echo/tls');

    await send(page, url);
    const text = await expectError(page, 'TLS', 'TLS certificate verification failed', 'Verify TLS certificates');
    expect(text).toContain(suite.server.httpsUrl.replace('https://', ''));
    expect(suite.server.hits('/echo/tls')).toBe(before);
    await expectDraft(page, url);

    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: 'Settings' }).click();
    const verify = page.getByLabel('Verify TLS certificates', { exact: true });
    expect(await verify.isChecked()).toBe(true);
    await verify.uncheck();
    await page.getByRole('button', { name: 'Send request', exact: true }).click();
    await expect.poll(() => page.getByTestId('response-status').textContent()).toContain('200');
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"secure": true');
    expect(suite.server.hits('/echo/tls')).toBe(before + 1);
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Headers/ }).click();
    await expectDraft(page, url);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a response cut off mid-body is an error, not a short body', async () => {
    const { page, errors } = await requestWithHeader('Cut off');
    const url = `${suite.server.url}/cut-off?length=1000&send=120`;
    await send(page, url);
    await expectError(page, 'RESPONSE_CUT_OFF', 'closed before the whole response arrived');
    expect(await page.getByTestId('response-status').count()).toBe(0);
    await expectDraft(page, url);
    expect(errors).toEqual([]);
  }, 120_000);

  it('invalid JSON with a JSON content type shows the body with a warning', async () => {
    const { page, errors } = await requestWithHeader('Bad JSON');
    const url = `${suite.server.url}/bad-json`;
    await send(page, url);
    await expect.poll(() => page.getByTestId('response-status').textContent()).toContain('200');
    const warning = page.getByTestId('body-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/JSON/);
    // The body is shown as received, not hidden or "fixed".
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('{"ok": true, oops}');
    expect(await page.getByTestId('send-error').count()).toBe(0);
    await expectDraft(page, url);

    // A valid JSON answer afterwards has no warning.
    await send(page, `${suite.server.url}/json`);
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"hello"');
    expect(await page.getByTestId('body-warning').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('Cancel stops a slow request at once and says so', async () => {
    const { page, errors } = await requestWithHeader('Slow');
    const url = `${suite.server.url}/delay/5000`;
    await page.getByTestId('url-input').fill(url);
    await page.getByRole('button', { name: 'Send request', exact: true }).click();

    // While it waits: a Cancel button in the URL bar and one in the response area.
    const pending = page.getByRole('status').filter({ hasText: /Connecting|Waiting/ });
    await pending.waitFor();
    await expect.poll(() => suite.server.hits('/delay/5000')).toBe(1);
    const started = Date.now();
    await pending.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectError(page, 'CANCELLED', 'Request cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expectDraft(page, url);

    // The URL bar's Cancel works the same (a 200 after 5 s would show a status instead).
    await page.getByRole('button', { name: 'Send request', exact: true }).click();
    await expect.poll(() => suite.server.hits('/delay/5000')).toBe(2);
    await page.getByRole('button', { name: 'Cancel request', exact: true }).click();
    await expectError(page, 'CANCELLED', 'Request cancelled');
    expect(await page.getByTestId('response-status').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
