// Specs in the browser, against the real web host: a spec is created and typed into; a duplicate
// operationId shows as a problem with its line, and fixing it clears the list; the preview renders
// its operations; "Generate collection" makes a linked collection with one request per operation; a
// test script the user adds to one of them survives the spec being edited (an operation added, one
// changed, one removed) and the drift (listed as Added / Changed / Removed) being applied with
// "Update collection" (the checked entries, then the rest). A JSON spec file opened while invalid
// is refused with a clear error and creates no collection. A change saved in another window shows
// in an open editor, and an open spec tab comes back after a reload. Deleting a spec asks first
// and closes its tab.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { openApp, treeItem, treeRows } from '../support/ui.js';

const suite = newBrowserSuite();

const petParam = ['        - name: petId', '          in: path', '          required: true', '          schema:', '            type: string'];

/** Version 1: GET /pets, GET and DELETE /pets/{petId}. Line 38 holds deletePet's operationId. */
const V1 = [
  'openapi: 3.1.0', // 1
  'info:',
  '  title: Pets API',
  '  version: 1.2.0',
  'paths:', // 5
  '  /pets:',
  '    get:',
  '      operationId: listPets',
  '      summary: List pets',
  '      parameters:', // 10
  '        - name: limit',
  '          in: query',
  '          schema:',
  '            type: integer',
  '      responses:', // 15
  "        '200':",
  '          description: The pets',
  '  /pets/{petId}:',
  '    get:',
  '      operationId: getPet', // 20
  '      summary: Get a pet',
  '      parameters:',
  ...petParam, // 23-27
  '      responses:', // 28
  "        '200':",
  '          description: The pet', // 30
  '    delete:',
  '      summary: Delete a pet',
  '      parameters:',
  ...petParam, // 34-38
  '      operationId: deletePet', // 39
  '      responses:',
  "        '204':",
  '          description: Deleted',
  '',
].join('\n');
const OPERATION_ID_LINE = 39;

/** Version 2: POST /pets added, GET /pets/{petId} gains a query parameter, DELETE /pets/{petId} removed. */
const V2 = [
  'openapi: 3.1.0',
  'info:',
  '  title: Pets API',
  '  version: 1.3.0',
  'paths:',
  '  /pets:',
  '    get:',
  '      operationId: listPets',
  '      summary: List pets',
  '      parameters:',
  '        - name: limit',
  '          in: query',
  '          schema:',
  '            type: integer',
  '      responses:',
  "        '200':",
  '          description: The pets',
  '    post:',
  '      operationId: createPet',
  '      summary: Create a pet',
  '      responses:',
  "        '201':",
  '          description: Created',
  '  /pets/{petId}:',
  '    get:',
  '      operationId: getPet',
  '      summary: Get a pet',
  '      parameters:',
  ...petParam,
  '        - name: fields',
  '          in: query',
  '          schema:',
  '            type: string',
  '      responses:',
  "        '200':",
  '          description: The pet',
  '',
].join('\n');

const USER_TEST = 'pm.test("user check: kept after sync", () => pm.expect(1).to.equal(1));';

const specView = (page: Page) => page.getByTestId('spec-view');
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' }).getByRole('listitem');

async function newSpec(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Specs', exact: true }).click();
  await page.getByRole('button', { name: 'New spec', exact: true }).click();
  await specView(page).getByTestId('spec-editor').locator('.cm-content').waitFor();
}

/** Replaces the whole text the way a user pasting a document would. */
async function replaceText(page: Page, text: string): Promise<void> {
  const content = specView(page).getByTestId('spec-editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

/** Puts the cursor at the end of a 1-based line. */
async function endOfLine(page: Page, line: number): Promise<void> {
  await specView(page).getByTestId('spec-editor').locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

async function typeOver(page: Page, remove: number, text: string): Promise<void> {
  for (let i = 0; i < remove; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

async function problemTexts(page: Page): Promise<string[]> {
  return problems(page).allTextContents();
}

/** The request rows of the tree, folders opened, as "METHOD Name" without nesting dots. */
async function requestRows(page: Page): Promise<string[]> {
  const rows = await treeRows(page);
  return rows.map((r) => r.replace(/^(\.\.)+/, '')).filter((r) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(r));
}

async function openScriptEditor(page: Page) {
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Scripts/ }).click();
  await page.getByRole('tablist', { name: 'Scripts', exact: true }).getByRole('tab', { name: 'Post-response (tests)', exact: true }).click();
  return page.getByTestId('script-editor-test').locator('.cm-content');
}

describe.skipIf(skipE2E)('specs in the workspace', () => {
  startBrowserSuite(suite);

  it('validates as you type, previews, generates a linked collection and updates it from the drift, keeping the user script', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await newSpec(page);
    await replaceText(page, V1);
    await expect.poll(() => specView(page).getByTestId('spec-info').textContent()).toBe('Pets API · v1.2.0 · 3 operations');
    await expect.poll(() => specView(page).getByText('No problems: a valid OpenAPI document.').count()).toBe(1);

    // A duplicate operationId, typed: listed with its line and a plain message, and marked in the editor.
    await endOfLine(page, OPERATION_ID_LINE);
    await typeOver(page, 'deletePet'.length, 'getPet');
    await expect.poll(() => problemTexts(page)).toHaveLength(1);
    const [problem] = await problemTexts(page);
    expect(problem).toContain(`Line ${OPERATION_ID_LINE}`);
    expect(problem).toContain('The operationId `getPet` is already used');
    await expect.poll(() => specView(page).locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    // A click on the problem puts the cursor on that line.
    await page.keyboard.press('Control+Home');
    await problems(page).first().getByRole('button').click();
    expect(await specView(page).locator('.cm-activeLine').textContent()).toBe('      operationId: getPet');

    // Fixed: the problems are gone.
    await endOfLine(page, OPERATION_ID_LINE);
    await typeOver(page, 'getPet'.length, 'deletePet');
    await expect.poll(() => specView(page).getByText('No problems: a valid OpenAPI document.').count()).toBe(1);
    expect(await problems(page).count()).toBe(0);
    await expect.poll(() => specView(page).locator('.cm-lintRange-error').count()).toBe(0);

    // The preview renders the operations through the Docs view.
    await specView(page).getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByTestId('spec-preview');
    await expect.poll(() => preview.getByTestId('docs-endpoint').count()).toBe(3);
    const endpoints = await preview.getByTestId('docs-endpoint').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(endpoints.sort()).toEqual(['DELETE Delete a pet', 'GET Get a pet', 'GET List pets']);
    const listSnippet = preview.getByRole('region', { name: 'GET List pets' }).getByTestId('docs-snippet');
    await expect.poll(() => listSnippet.textContent()).toMatch(/^curl --request GET\b.*\/pets/s);
    await specView(page).getByRole('button', { name: 'Edit', exact: true }).click();

    // Generate the collection: it appears in the sidebar with one request per operation.
    await specView(page).getByRole('button', { name: 'Generate collection', exact: true }).click();
    const openCollection = specView(page).getByRole('button', { name: 'Open collection', exact: true });
    await openCollection.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Generated a collection with 3 requests' }).count()).toBe(1);
    await openCollection.click();
    await treeItem(page, 'Pets API').waitFor();
    await expect.poll(async () => (await requestRows(page)).sort()).toEqual(['DELETE Delete a pet', 'GET Get a pet', 'GET List pets']);

    // The user adds a test script to one request and saves it.
    await treeItem(page, 'GET Get a pet').click();
    const script = await openScriptEditor(page);
    await script.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\n${USER_TEST}\n`);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-testid="request-tab"][aria-selected="true"]').getAttribute('data-dirty')).toBe('false');
    await page.getByRole('button', { name: 'Close Get a pet', exact: true }).click();

    // The spec changes: the drift lists what was added, changed and removed.
    await page.getByRole('tab', { name: 'Specs', exact: true }).click();
    await page.getByRole('button', { name: 'Open spec New spec', exact: true }).click();
    await replaceText(page, V2);
    const drift = page.getByTestId('drift-panel');
    const group = (name: string) => drift.getByRole('group', { name });
    await expect.poll(() => group('Added').getByTestId('drift-entry').count()).toBe(1);
    expect(await group('Added').getByTestId('drift-entry').getAttribute('aria-label')).toBe('POST /pets');
    expect(await group('Changed').getByTestId('drift-entry').getAttribute('aria-label')).toBe('GET /pets/{petId}');
    expect(await group('Changed').textContent()).toContain('fields');
    expect(await group('Removed').getByTestId('drift-entry').getAttribute('aria-label')).toBe('DELETE /pets/{petId}');

    // Update the checked ones first: the removal, unchecked, stays listed; then the rest.
    await group('Removed').getByRole('checkbox', { name: 'Apply DELETE /pets/{petId}' }).uncheck();
    await drift.getByRole('button', { name: 'Update collection', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Collection updated: 1 added, 1 changed, 0 removed' }).count()).toBe(1);
    await expect.poll(() => drift.getByTestId('drift-entry').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['DELETE /pets/{petId}']);
    await drift.getByRole('button', { name: 'Update collection', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Collection updated: 0 added, 0 changed, 1 removed' }).count()).toBe(1);

    // The new request is there, the removed one is gone, the user's script is kept.
    await expect.poll(() => drift.getByText('The collection matches the spec.').count()).toBe(1);
    await specView(page).getByRole('button', { name: 'Open collection', exact: true }).click();
    await expect.poll(async () => (await requestRows(page)).sort()).toEqual(['GET Get a pet', 'GET List pets', 'POST Create a pet']);
    await treeItem(page, 'GET Get a pet').click();
    const kept = await openScriptEditor(page);
    expect(await kept.textContent()).toContain(USER_TEST);
    expect(errors).toEqual([]);
  });

  it('opens a JSON spec file, refuses to generate a collection from it while invalid (saying why, creating nothing), and deletes it', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await page.getByRole('tab', { name: 'Collections', exact: true }).click();
    const before = await treeRows(page);
    await page.getByRole('tab', { name: 'Specs', exact: true }).click();
    const broken = { openapi: '3.0.3', info: { title: 'Broken' }, paths: { '/things': { get: { summary: 'No version, no responses' } } } };
    await page.getByLabel('Spec file to open').setInputFiles([{ name: 'broken-api.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken, null, 2)) }]);
    await page.getByRole('listitem', { name: 'Spec broken-api' }).waitFor();
    await expect.poll(() => specView(page).getByTestId('spec-editor').locator('.cm-content').textContent()).toContain('"title": "Broken"');
    await expect.poll(() => problems(page).count()).toBeGreaterThan(0);
    await specView(page).getByRole('button', { name: 'Generate collection', exact: true }).click();
    const alert = specView(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Could not generate the collection: .{10,}/);
    expect(await specView(page).getByRole('button', { name: 'Generate collection', exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Collections', exact: true }).click();
    expect(await treeRows(page)).toEqual(before);

    // Deleting the spec asks first, then closes its tab.
    await page.getByRole('tab', { name: 'Specs', exact: true }).click();
    await page.getByRole('button', { name: 'Delete spec broken-api', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete spec' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByRole('listitem', { name: 'Spec broken-api' }).count()).toBe(0);
    await expect.poll(() => specView(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a change made elsewhere (another window) in an open spec editor, and reopens the tab after a reload', async () => {
    const first = await openApp(suite.browser, suite.app);
    const second = await openApp(suite.browser, suite.app);
    suite.pages.push(first.page, second.page);
    await newSpec(first.page);
    await replaceText(first.page, V1.replace('title: Pets API', 'title: Shared API'));
    await expect.poll(() => specView(first.page).getByTestId('spec-info').textContent()).toContain('Shared API · v1.2.0');

    await second.page.getByRole('tab', { name: 'Specs', exact: true }).click();
    const name = (await specView(first.page).getByLabel('Spec name').inputValue()).trim();
    await second.page.getByRole('button', { name: `Open spec ${name}`, exact: true }).click();
    await expect.poll(() => specView(second.page).getByTestId('spec-editor').locator('.cm-content').textContent()).toContain('title: Shared API');
    await replaceText(second.page, V2.replace('title: Pets API', 'title: Shared API'));

    await expect.poll(() => specView(first.page).getByTestId('spec-editor').locator('.cm-content').textContent()).toContain('operationId: createPet');
    await expect.poll(() => specView(first.page).getByTestId('spec-info').textContent()).toBe('Shared API · v1.3.0 · 3 operations');

    // The open spec tab comes back after a reload, with the saved text.
    await first.page.reload();
    await expect.poll(() => specView(first.page).getByTestId('spec-editor').locator('.cm-content').textContent()).toContain('operationId: createPet');
    expect([...first.errors, ...second.errors]).toEqual([]);
  });
});
