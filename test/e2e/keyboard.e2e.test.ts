// Working from the keyboard in Chromium: Ctrl+Enter sends from wherever the cursor is in the
// request, Ctrl+S saves (the tab's unsaved mark goes, and the workspace has the new URL), Ctrl+K
// finds a request by name and opens it; a new blank tab takes a typed URL straight away, and Ctrl+S
// on it asks where to save.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { addChild, newCollection, openApp, treeItem } from '../support/ui.js';

const suite = newBrowserSuite();

const activeTab = (page: Page) => page.locator('[data-testid="request-tab"][aria-selected="true"]');

describe.skipIf(skipE2E)('keyboard shortcuts in the browser', () => {
  startBrowserSuite(suite);

  it('Ctrl+Enter sends, Ctrl+S saves, Ctrl+K finds a request and opens it', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await newCollection(page, 'Keys API');
    await addChild(page, 'Keys API', 'request', 'First');
    await addChild(page, 'Keys API', 'request', 'Second');

    // "Second" is open (just created): give it a URL and save it with Ctrl+S.
    const url = page.getByTestId('url-input');
    await expect.poll(() => activeTab(page).textContent()).toContain('Second');
    await url.fill(`${suite.server.url}/echo/second`);
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('true');
    await url.press('Control+s');
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('false');

    // "First": URL and a header typed, then Ctrl+Enter with the cursor in the header value.
    await treeItem(page, 'GET First').click();
    await expect.poll(() => activeTab(page).textContent()).toContain('First');
    await url.fill(`${suite.server.url}/echo/first?via=keyboard`);
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Headers/ }).click();
    const headerValue = page.getByTestId('headers-table').getByLabel('Value 1', { exact: true });
    await page.getByTestId('headers-table').getByLabel('Header 1', { exact: true }).fill('X-Sent-By');
    await headerValue.fill('ctrl-enter');
    expect(suite.server.hits('/echo/first')).toBe(0);
    await headerValue.press('Control+Enter');
    await expect.poll(() => page.getByTestId('response-status').textContent()).toContain('200');
    const body = page.getByTestId('response-body');
    await expect.poll(() => body.textContent()).toContain('"path": "/echo/first"');
    expect(await body.textContent()).toContain('"x-sent-by": "ctrl-enter"');
    expect(suite.server.hits('/echo/first')).toBe(1);

    // Ctrl+S from the same field: the unsaved mark goes.
    expect(await activeTab(page).getAttribute('data-dirty')).toBe('true');
    await headerValue.press('Control+s');
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('false');

    // Ctrl+K: quick search lists both with their saved URLs; Enter opens the one picked.
    await headerValue.press('Control+k');
    const search = page.getByRole('dialog', { name: 'Quick search' });
    const query = search.getByLabel('Search requests, folders and collections');
    await query.waitFor();
    // Typing goes straight into the search box.
    await page.keyboard.type('first');
    expect(await query.inputValue()).toBe('first');
    const results = search.getByRole('option');
    await expect.poll(() => results.allTextContents()).toEqual([`GETFirstKeys API › ${suite.server.url}/echo/first?via=keyboard`]);
    await query.fill('Second');
    await expect.poll(() => results.allTextContents()).toEqual([`GETSecondKeys API › ${suite.server.url}/echo/second`]);
    await query.press('Enter');
    await search.waitFor({ state: 'detached' });
    await expect.poll(() => activeTab(page).textContent()).toContain('Second');
    expect(await url.inputValue()).toBe(`${suite.server.url}/echo/second`);

    // And back to First with Ctrl+K, arrow keys and Enter: its saved request, not a stale one.
    await page.keyboard.press('Control+k');
    await query.waitFor();
    await query.fill('/echo/');
    await expect.poll(() => results.count()).toBe(2);
    const names = await results.locator('.quick-name').allTextContents();
    expect(names.sort()).toEqual(['First', 'Second']);
    const first = (await results.locator('.quick-name').allTextContents()).indexOf('First');
    await query.press('ArrowDown');
    if (first === 0) await query.press('ArrowUp');
    await expect.poll(() => search.getByRole('option', { selected: true }).locator('.quick-name').textContent()).toBe('First');
    await query.press('Enter');
    await search.waitFor({ state: 'detached' });
    await expect.poll(() => activeTab(page).textContent()).toContain('First');
    expect(await url.inputValue()).toBe(`${suite.server.url}/echo/first?via=keyboard`);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a new blank tab takes a typed URL at once; Ctrl+Enter sends it and Ctrl+S asks where to save', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await treeItem(page, 'Keys API').waitFor();
    // A fresh page: the collection is shown closed.
    expect(await treeItem(page, 'Keys API').getAttribute('aria-expanded')).toBe('false');

    await page.getByRole('button', { name: 'New request tab', exact: true }).click();
    await page.keyboard.type(`${suite.server.url}/echo/typed`);
    const url = page.getByTestId('url-input');
    expect(await url.inputValue()).toBe(`${suite.server.url}/echo/typed`);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"path": "/echo/typed"');
    expect(suite.server.hits('/echo/typed')).toBe(1);

    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Typed');
    await dialog.getByRole('option', { name: 'Keys API', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // The saved request is revealed and selected in the tree.
    await treeItem(page, 'GET Typed').waitFor();
    expect(await treeItem(page, 'GET Typed').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('false');
    expect(await activeTab(page).textContent()).toContain('Typed');
    expect(errors).toEqual([]);
  }, 120_000);
});
