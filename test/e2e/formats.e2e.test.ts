// Formats in Chromium: a cURL command pasted into the URL bar fills the request (method, URL,
// params, headers, body, auth) and sends as the command would; the Code section shows the request
// as Python requests code, its variables resolved or kept.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { addChild, newCollection, openApp } from '../support/ui.js';

const suite = newBrowserSuite();

const section = (page: Page, name: RegExp) => page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name });

type PasteGlobals = {
  DataTransfer: new () => { setData(type: string, text: string): void };
  ClipboardEvent: new (type: string, init: object) => object;
};

/** A paste as the browser delivers it (the clipboard itself is not reachable headless). */
const paste = (field: ReturnType<Page['getByTestId']>, text: string) =>
  field.evaluate((el, pasted) => {
    const g = globalThis as unknown as PasteGlobals;
    const data = new g.DataTransfer();
    data.setData('text/plain', pasted);
    (el as unknown as { dispatchEvent(event: object): boolean }).dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

describe.skipIf(skipE2E)('formats in the browser', () => {
  startBrowserSuite(suite);

  it('pasting a cURL command fills the request; the Code section shows it as Python requests', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await newCollection(page, 'Pasted');
    await addChild(page, 'Pasted', 'request', 'From cURL');
    const url = page.getByTestId('url-input');
    const curl = [
      `curl '${suite.server.url}/echo/orders?status=open' \\`,
      `  -X POST \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -H 'X-Trace-Id: trace-7f3a' \\`,
      `  -H 'Authorization: Bearer tok-123' \\`,
      `  --data-raw '{"sku":"sku-42","quantity":2}' --compressed`,
    ].join('\n');
    await paste(url, curl);

    await expect.poll(() => url.inputValue()).toBe(`${suite.server.url}/echo/orders?status=open`);
    expect(await page.getByTestId('method-select').inputValue()).toBe('POST');
    await section(page, /^Headers/).click();
    const headers = page.getByTestId('headers-table');
    expect(await headers.getByLabel('Header 2', { exact: true }).inputValue()).toBe('X-Trace-Id');
    expect(await headers.getByLabel('Value 2', { exact: true }).inputValue()).toBe('trace-7f3a');
    await section(page, /^Auth/).click();
    await expect.poll(() => page.locator('.request-sections').textContent()).toContain('Bearer');

    // Sent, it is the command's request.
    await page.getByTestId('send-button').click();
    const body = page.getByTestId('response-body');
    await expect.poll(() => body.textContent()).toContain('"path": "/echo/orders"');
    const echoed = (await body.textContent()) ?? '';
    expect(echoed).toContain('"method": "POST"');
    expect(echoed).toContain('"x-trace-id": "trace-7f3a"');
    expect(echoed).toContain('"authorization": "Bearer tok-123"');
    // The body ({"sku":"sku-42","quantity":2}) arrived whole; the viewer shows only the first lines.
    expect(echoed).toContain('"content-length": "29"');

    // The Code section: Python requests.
    await section(page, /^Code/).click();
    await page.getByTestId('snippet-target').selectOption('python-requests');
    const code = page.getByTestId('snippet-code');
    await expect.poll(() => code.textContent()).toContain('import requests');
    const python = (await code.textContent()) ?? '';
    expect(python).toContain(`url = "${suite.server.url}/echo/orders"`);
    expect(python).toContain('querystring = {"status":"open"}');
    expect(python).toContain('"X-Trace-Id": "trace-7f3a"');
    expect(python).toContain('"Authorization": "Bearer tok-123"');
    expect(python).toContain('requests.post(url, json=payload, headers=headers, params=querystring)');
    expect(python).toContain('"sku": "sku-42"');

    // A variable in the URL: kept as {{name}}, or resolved from the collection.
    await url.fill('{{host}}/echo/orders');
    await page.getByRole('radio', { name: 'Variables kept' }).click();
    await expect.poll(() => code.textContent()).toContain('url = "{{host}}/echo/orders"');
    expect(errors).toEqual([]);
  });

  it('a cURL command that cannot be read says why and leaves the request as it was', async () => {
    const { page } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await newCollection(page, 'Broken paste');
    await addChild(page, 'Broken paste', 'request', 'Untouched');
    const url = page.getByTestId('url-input');
    await url.fill('https://keep.example.com/a');
    await paste(url, "curl -X POST 'https://x.example.com/unclosed");
    await expect.poll(() => page.getByText('A single quote is not closed').count()).toBeGreaterThan(0);
    expect(await url.inputValue()).toBe('https://keep.example.com/a');
    expect(await page.getByTestId('method-select').inputValue()).toBe('GET');
  });
});
