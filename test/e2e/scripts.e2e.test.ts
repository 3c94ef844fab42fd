// Scripts in the app, in Chromium against the real web host, sandbox and loopback server: a test
// script typed with pm. completion and a snippet, saved and sent (the Tests tab counts 2/3 with the
// failure's message); a pre-request script setting an environment variable the URL uses (the
// environment shows it afterwards); a script with a syntax error (named in the error, the response
// still there); collection → folder → request scripts in Postman's order (the Console tab).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { addChild, newCollection, openApp, treeItem } from '../support/ui.js';

const suite = newBrowserSuite();

async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(suite.browser, suite.app);
  suite.pages.push(opened.page);
  return opened;
}

/** Scripts section of the open request (or collection/folder view), then the Pre-request or Post-response editor. */
async function openScript(page: Page, kind: 'prerequest' | 'test', sections = 'Request sections') {
  await page.getByRole('tablist', { name: sections }).getByRole('tab', { name: /^Scripts/ }).click();
  const label = kind === 'test' ? 'Post-response (tests)' : 'Pre-request';
  await page.getByRole('tablist', { name: 'Scripts', exact: true }).getByRole('tab', { name: label, exact: true }).click();
  const content = page.getByTestId(`script-editor-${kind}`).locator('.cm-content');
  await content.click();
  return content;
}

/** Types code that needs no completion (insertText fires no key events, so no popup opens). */
async function insertCode(page: Page, code: string) {
  await page.keyboard.insertText(code);
}

async function send(page: Page) {
  await page.getByRole('button', { name: 'Send request', exact: true }).click();
  await page.getByRole('button', { name: 'Send request', exact: true }).waitFor();
}

const responseSections = (page: Page) => page.getByRole('tablist', { name: 'Response sections' });
const activeTab = (page: Page) => page.locator('[data-testid="request-tab"][aria-selected="true"]');

describe.skipIf(skipE2E)('scripts in the app', () => {
  startBrowserSuite(suite);

  it('writes a test script with pm. completion and a snippet, saves it, and the Tests tab shows 2/3 passed with the failure', async () => {
    const { page, errors } = await freshPage();
    await newCollection(page, 'Tests API');
    await addChild(page, 'Tests API', 'request', 'Hello');
    await page.getByTestId('url-input').fill(`${suite.server.url}/json`);
    const editor = await openScript(page, 'test');

    // "pm.res" → the completion offers response, with its doc; picking it completes the word.
    await page.keyboard.type('pm.test("status is 200", () => pm.res');
    const popup = page.locator('.cm-tooltip-autocomplete');
    const response = popup.getByRole('option', { name: /^response/ });
    await response.waitFor();
    expect(await page.locator('.cm-completionInfo').textContent()).toContain('The response (test scripts only)');
    await response.click();
    await expect.poll(() => editor.textContent()).toBe('pm.test("status is 200", () => pm.response');
    // After "pm.response.to.have." the assertions are offered.
    await page.keyboard.type('.to.have.');
    await popup.getByRole('option', { name: /^status/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.type('status(200));');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');

    // Two snippets from the list beside the editor, inserted at the cursor on lines of their own.
    const snippets = page.getByRole('complementary', { name: 'Snippets' });
    await snippets.getByRole('button', { name: 'Response body: Contains string', exact: true }).click();
    await snippets.getByRole('button', { name: 'Content-Type header is present', exact: true }).click();
    await expect.poll(() => editor.textContent()).toContain('pm.response.to.have.header("Content-Type");');

    // The edit marks the tab unsaved; Ctrl+S saves it.
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('true');
    await page.keyboard.press('Control+s');
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('false');

    await send(page);
    const testsTab = responseSections(page).getByRole('tab', { name: 'Tests: 2/3 passed' });
    await testsTab.click();
    const rows = page.getByTestId('test-row');
    await expect.poll(() => rows.allTextContents()).toEqual([
      'PASSstatus is 200',
      expect.stringMatching(/^FAILBody matches string.*expected '\{"hello":"world","n":1\}' to include 'string_you_want_to_search'/),
      'PASSContent-Type is present',
    ]);
    await page.getByRole('radiogroup', { name: 'Show tests' }).getByRole('radio', { name: /^Failed/ }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Body matches string');
    // The response itself is there too.
    expect(await page.getByTestId('response-status').textContent()).toContain('200');

    // Saved: closed and opened again, the script is the one typed.
    await activeTab(page).getByRole('button', { name: /^Close/ }).click();
    await treeItem(page, 'GET Hello').click();
    const reopened = await openScript(page, 'test');
    await expect.poll(() => reopened.textContent()).toContain('pm.test("status is 200", () => pm.response.to.have.status(200));');
    expect(errors).toEqual([]);
  });

  it('runs a pre-request script that sets an environment variable the URL uses, and the environment shows it', async () => {
    const { page, errors } = await freshPage();
    await page.getByRole('tab', { name: 'Environments' }).click();
    await page.getByRole('button', { name: 'New environment' }).click();
    await page.getByLabel('Environment name').fill('Scripted');
    await page.getByLabel('Variable name 1').fill('region');
    await page.getByLabel('Value of region').fill('eu');
    await page.getByRole('button', { name: 'Save environment' }).click();
    await page.getByTestId('env-switcher').selectOption({ label: 'Scripted' });
    await page.getByRole('tab', { name: 'Collections' }).click();

    await newCollection(page, 'Env API');
    await addChild(page, 'Env API', 'request', 'User');
    await page.getByTestId('url-input').fill(`${suite.server.url}/echo/{{userId}}`);
    await openScript(page, 'prerequest');
    await insertCode(page, 'pm.environment.set("userId", "u-" + (6 * 7));');
    const before = suite.server.hits('/echo/u-42');
    await send(page); // not saved: the script as edited runs
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"path": "/echo/u-42"');
    expect(suite.server.hits('/echo/u-42')).toBe(before + 1);

    // The environment has the variable now, beside the one it had.
    await page.getByRole('tab', { name: 'Environments' }).click();
    await page.getByRole('listitem', { name: 'Environment Scripted (active)' }).click();
    await expect.poll(() => page.getByLabel('Value of userId').inputValue()).toBe('u-42');
    expect(await page.getByLabel('Value of region').inputValue()).toBe('eu');
    expect(errors).toEqual([]);
  });

  it('shows a syntax error naming the script, with the response still shown', async () => {
    const { page, errors } = await freshPage();
    await newCollection(page, 'Broken API');
    await addChild(page, 'Broken API', 'request', 'Oops');
    await page.getByTestId('url-input').fill(`${suite.server.url}/json`);
    await openScript(page, 'test');
    await insertCode(page, 'pm.test("never closed", () => {\n  pm.expect(1).to.equal(1);\n');
    await send(page);
    const problem = page.getByTestId('script-errors');
    await expect.poll(() => problem.textContent()).toMatch(/Error in Oops \(test script\):.*(SyntaxError|Unexpected)/i);
    expect(await page.getByTestId('response-status').textContent()).toContain('200');
    await expect.poll(() => page.getByTestId('response-body').textContent()).toContain('"hello": "world"');
    expect(errors).toEqual([]);
  });

  it('runs collection, folder and request scripts in Postman’s order (the Console tab)', async () => {
    const { page, errors } = await freshPage();
    await newCollection(page, 'Order API');
    await addChild(page, 'Order API', 'folder', 'Inner');
    await addChild(page, 'Inner', 'request', 'Leaf');
    await page.getByTestId('url-input').fill(`${suite.server.url}/json`);
    await openScript(page, 'prerequest');
    await insertCode(page, 'console.log("request pre");');
    await openScript(page, 'test');
    await insertCode(page, 'console.log("request test");');
    await page.keyboard.press('Control+s');
    await expect.poll(() => activeTab(page).getAttribute('data-dirty')).toBe('false');

    for (const [item, who, kind] of [
      ['Order API', 'collection', 'collection'],
      ['Inner', 'folder', 'folder'],
    ] as const) {
      await treeItem(page, item).click();
      await openScript(page, 'prerequest', `${kind} sections`);
      await insertCode(page, `console.log("${who} pre");`);
      await openScript(page, 'test', `${kind} sections`);
      await insertCode(page, `console.warn("${who} test");`);
      await page.getByRole('button', { name: `Save ${kind}`, exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name: `Save ${kind}`, exact: true }).isDisabled()).toBe(true);
    }

    await treeItem(page, 'GET Leaf').click();
    await send(page);
    await responseSections(page).getByRole('tab', { name: 'Script console' }).click();
    const lines = page.getByTestId('script-console').locator('li');
    await expect.poll(() => lines.allTextContents()).toEqual([
      'logcollection pre',
      'logfolder pre',
      'logrequest pre',
      'warncollection test',
      'warnfolder test',
      'logrequest test',
    ]);
    expect(errors).toEqual([]);
  });
});
