// Documentation in the browser, against the loopback test server: a Markdown description written
// beside a request renders as a heading and a list in the preview; a response saved as an example
// is listed under the request and renamed; the collection's Docs view shows its endpoints, the
// example and code in the reader's language; its Markdown export holds the description and the
// example; the HTML export (from the collection's menu), opened from disk in Chromium, has the
// headings, loads nothing else and did not run a description's <script>.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/app.js';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { openApp, treeItem, treeMenu } from '../support/ui.js';

const suite = newBrowserSuite();
const FIXTURE = path.join(repoRoot, 'test/fixtures/docs/users-api.postman_collection.json');

async function importFixture(page: Page): Promise<void> {
  const json = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  json.variable = [{ key: 'base', value: `${suite.server.url}/echo` }];
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Files to import').setInputFiles([{ name: 'users.postman_collection.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) }]);
  await dialog.getByTestId('import-created').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

async function download(page: Page, button: Locator): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { fileName: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

describe.skipIf(skipE2E)('documentation', () => {
  startBrowserSuite(suite);

  it('writes and previews a description, saves an example, shows the Docs view and exports HTML that opens safely', async () => {
    const { page } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await importFixture(page);
    await treeItem(page, 'Users API').waitFor();
    if (!(await treeItem(page, 'GET Health').isVisible())) await treeItem(page, 'Users API').click();
    await treeItem(page, 'GET Health').click();

    // The description, beside the request.
    await page.getByRole('tab', { name: 'Docs', exact: true }).click();
    await page.getByLabel('Description', { exact: true }).fill('# Health check\n\nAnswers when:\n\n- the database is up\n- the queue is up\n');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByTestId('description-preview');
    await expect.poll(() => preview.getByRole('heading', { name: 'Health check', level: 1 }).count()).toBe(1);
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['the database is up', 'the queue is up']);
    expect(await preview.locator('textarea').count()).toBe(0);
    await page.getByRole('button', { name: 'Save request' }).click();

    // Send, then save the response as an example.
    await page.getByRole('button', { name: 'Send request', exact: true }).click();
    await expect.poll(async () => (await page.getByTestId('response-status').textContent())?.trim()).toBe('200 OK');
    await page.getByLabel('Example name').fill('Healthy');
    await page.getByRole('button', { name: 'Save response as example' }).click();
    const rows = page.getByTestId('example-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Healthy');
    expect(await rows.first().textContent()).toContain('200 OK');
    await rows.first().getByRole('button', { name: 'Healthy', exact: true }).click();
    expect(await rows.first().locator('pre').textContent()).toContain('"path":"/echo/health"');
    await rows.first().getByRole('button', { name: 'Rename example Healthy' }).click();
    await page.getByLabel('New example name').fill('All healthy');
    await page.getByLabel('New example name').press('Enter');
    await rows.first().getByRole('button', { name: 'All healthy', exact: true }).waitFor();

    // One click beside the response's status saves it too, named by the status; deleting asks first.
    await page.getByRole('button', { name: 'Save as example', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('button', { name: '200 OK', exact: true }).count()).toBe(1);
    await rows.nth(1).getByRole('button', { name: 'Delete example 200 OK' }).click();
    await page.getByRole('dialog', { name: 'Delete example' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);

    // The collection's Docs view.
    await treeItem(page, 'Users API').click();
    await page.getByRole('button', { name: "Open the collection's docs" }).click();
    const docs = page.getByTestId('docs-view');
    await expect.poll(() => docs.getByTestId('docs-endpoint').count()).toBe(3);
    const endpoints = await docs.getByTestId('docs-endpoint').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(endpoints).toEqual(['GET List users', 'POST Create user', 'GET Health']);
    const health = docs.getByRole('region', { name: 'GET Health' });
    expect(await health.getByRole('heading', { name: 'Health check' }).count()).toBe(1);
    expect(await health.getByTestId('docs-example').textContent()).toContain('Example: All healthy — 200 OK');
    const snippet = health.getByTestId('docs-snippet');
    await expect.poll(() => snippet.textContent()).toBe('curl --request GET \\\n  --url {{base}}/health');
    await docs.getByLabel('Code snippet language').selectOption('python-requests');
    await expect.poll(() => snippet.textContent()).toContain('import requests');
    expect(await snippet.textContent()).toContain('{{base}}/health');
    expect(await docs.getByRole('region', { name: 'POST Create user' }).getByTestId('docs-example').count()).toBe(2);
    // The collection description's <script> is text in a paragraph, never an element.
    expect(await docs.locator('script').count()).toBe(0);

    // The Docs view's Markdown export has the description and the example.
    const md = await download(page, docs.getByRole('button', { name: 'Export Markdown' }));
    expect(md.fileName).toBe('Users API.md');
    expect(md.text).toContain('# Health check\n\nAnswers when:\n\n- the database is up');
    expect(md.text).toContain('**Example: All healthy** — 200 OK');

    // Export as one HTML file from the collection's menu, and open it from disk.
    const [exported] = await Promise.all([page.waitForEvent('download'), treeMenu(page, 'Users API', 'Download docs \\(HTML\\)')]);
    const file = { fileName: exported.suggestedFilename(), text: fs.readFileSync((await exported.path())!, 'utf8') };
    expect(file.fileName).toBe('Users API.html');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-docs-e2e-'));
    const htmlPath = path.join(dir, file.fileName);
    fs.writeFileSync(htmlPath, file.text);
    const reader = await suite.browser.newPage();
    suite.pages.push(reader);
    const requests: string[] = [];
    reader.on('request', (r) => requests.push(r.url()));
    await reader.goto(pathToFileURL(htmlPath).href);
    expect(await reader.getByRole('heading', { level: 1 }).first().textContent()).toBe('Users API');
    expect(await reader.getByRole('heading', { name: 'GET Health' }).count()).toBe(1);
    expect(await reader.getByRole('heading', { name: 'Health check' }).count()).toBe(1);
    expect(await reader.getByText('Example: All healthy — 200 OK').count()).toBe(1);
    expect(await reader.title()).toBe('Users API');
    expect(await reader.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await reader.locator('script').count()).toBe(0);
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
