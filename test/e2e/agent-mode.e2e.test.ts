// Agent Mode in the app, in Chromium against the real web host, the loopback test server and the
// scripted model server (an OpenAI-compatible provider set up through Settings → AI): the key is
// shown masked and never in full; /test writes tests into the request's script and they pass;
// a conversation creates a collection with two requests and docs that "Undo turn" removes; a POST
// waits for approval and, denied, is never sent while the model is told; with AI off no AI
// element is on screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { lastToolResult, startModelServer, toolResults, type ChatRequest, type ModelServer } from '../support/model-server.js';
import { addChild, newCollection, openApp, treeItem } from '../support/ui.js';

const suite = newBrowserSuite();
let model: ModelServer;
const KEY = 'sk-courier-e2e-7Hq2Lx9Vb4Nm8Rt1Zw6Y';
const MASKED = 'sk-c…Zw6Y';

async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(suite.browser, suite.app);
  suite.pages.push(opened.page);
  return opened;
}

/** Every message text the model was sent, in one string. */
function allText(request: ChatRequest): string {
  return request.messages.map((m) => m.content ?? '').join('\n');
}

/** The id the context gave for a saved request named `name` (the active tab or the outline). */
function requestIdIn(request: ChatRequest, name: string): string {
  const m = new RegExp(`"${name}" \\(request ([^)\\s]+)\\)`).exec(allText(request));
  if (!m) throw new Error(`the model was not told about the request ${name}:\n${allText(request).slice(0, 2000)}`);
  return m[1];
}

async function openAiSettings(page: Page) {
  await page.getByTestId('settings-button').click();
  const dialog = page.getByTestId('settings-dialog');
  await dialog.getByRole('tab', { name: 'AI', exact: true }).click();
  return dialog;
}

/** Flips Settings → AI's main switch (a styled switch: the label takes the click) and waits for the state. */
async function setAiSwitch(dialog: ReturnType<Page['getByTestId']>, on: boolean): Promise<void> {
  const input = dialog.getByRole('switch', { name: 'Agent Mode (AI)' });
  const label = dialog.locator('label.switch').filter({ has: dialog.page().getByRole('switch', { name: 'Agent Mode (AI)' }) });
  if ((await input.isChecked()) !== on) await label.click();
  await expect.poll(() => input.isChecked()).toBe(on);
}

let configured = false;
/** Settings → AI: an OpenAI-compatible provider at the model server, with a key (once per app). */
async function configureAi(page: Page): Promise<void> {
  if (configured) return;
  const dialog = await openAiSettings(page);
  await dialog.getByLabel('Provider', { exact: true }).selectOption('compatible');
  await dialog.getByLabel('Preset', { exact: true }).selectOption('ollama');
  expect(await dialog.getByLabel('Base URL', { exact: true }).inputValue()).toBe('http://127.0.0.1:11434/v1');
  await dialog.getByLabel('Base URL', { exact: true }).fill(model.url);
  await dialog.getByLabel('Model', { exact: true }).fill('scripted-model');
  await dialog.getByLabel('API key', { exact: true }).fill(KEY);
  await dialog.getByRole('button', { name: 'Save key', exact: true }).click();
  await expect.poll(() => dialog.getByTestId('ai-key-masked').textContent()).toBe(`Current key: ${MASKED}`);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Turns are metered: the embedded billing server (the personal Free team) must have answered,
  // as the credit meter in the top bar shows, or the meter refuses the turn.
  await page.getByTestId('credit-meter-remaining').waitFor({ timeout: 60_000 });
  configured = true;
}

async function openAgent(page: Page) {
  const sidebar = page.getByTestId('agent-sidebar');
  const toggle = page.getByTestId('agent-toggle');
  // The toggle shows once the AI settings have loaded; the sidebar may then be open already (kept from before).
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await sidebar.waitFor();
  return sidebar;
}

async function ask(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: 'Message the agent' });
  await box.fill(text);
  await box.press('Enter');
}

/** Waits for a locator; on a timeout the error says what the agent sidebar showed. */
async function waitShown(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor().catch(async (err: Error) => {
    const shown = await page.getByTestId('agent-sidebar').innerText().catch(() => '(no agent sidebar)');
    throw new Error(`${err.message}\nagent sidebar:\n${shown}\napp:\n${suite.app.output().slice(-2000)}`);
  });
}

/** The newest turn, once it is finished (completed, cancelled or failed). */
async function finishedTurn(page: Page) {
  const turn = page.getByTestId('agent-turn').last();
  await waitShown(page, turn.and(page.locator('[data-status="completed"], [data-status="cancelled"], [data-status="failed"]')));
  return turn;
}

describe.skipIf(skipE2E)('Agent Mode in the app', () => {
  startBrowserSuite(suite);
  beforeAll(async () => {
    model = await startModelServer();
  });
  afterAll(async () => {
    await model?.close();
  });

  it('Settings → AI: the key is shown only masked, never in full in the page, and Test connection says plainly what is wrong', async () => {
    const { page, errors } = await freshPage();
    await configureAi(page);
    const dialog = await openAiSettings(page);
    expect(await dialog.getByTestId('ai-key-masked').textContent()).toBe(`Current key: ${MASKED}`);
    expect(await dialog.getByLabel('API key', { exact: true }).inputValue()).toBe('');

    // A provider that refuses the key: its plain message; then one that answers.
    model.push({ kind: 'error', status: 401 });
    await dialog.getByRole('button', { name: 'Test connection', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('ai-test-result').textContent()).toContain('refused the API key');
    model.push({ kind: 'text', text: 'pong' });
    await dialog.getByRole('button', { name: 'Test connection', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('ai-test-result').textContent()).toContain('the model "scripted-model" answered');
    // The provider got the key (so it was really stored), the page never held it.
    expect(model.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await page.content()).not.toContain(KEY);

    // A provider that is down: said so; the URL typed is saved by the test, then put back.
    const baseUrl = dialog.getByLabel('Base URL', { exact: true });
    await baseUrl.fill('http://127.0.0.1:9/v1');
    await dialog.getByRole('button', { name: 'Test connection', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('ai-test-result').textContent()).toContain('Cannot reach the AI provider at http://127.0.0.1:9/v1');
    // No base URL: said under the field, Save is off and the tab says it needs fixing.
    await baseUrl.fill('');
    await dialog.getByText('Enter the server’s base URL', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('tab', { name: 'AI (needs fixing)' }).count()).toBe(1);
    await baseUrl.fill(model.url);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // After a reload too: only the masked form comes back from the main process.
    await page.reload();
    const again = await openAiSettings(page);
    await expect.poll(() => again.getByTestId('ai-key-masked').textContent()).toBe(`Current key: ${MASKED}`);
    expect(await again.getByLabel('Base URL', { exact: true }).inputValue()).toBe(model.url);
    expect(await page.content()).not.toContain(KEY);
    expect(errors).toEqual([]);
  });

  it('/test on a request to the test server: the model writes tests and runs them; they are in the Scripts tab and pass', async () => {
    const { page, errors } = await freshPage();
    await configureAi(page);
    await newCollection(page, 'Agent API');
    await addChild(page, 'Agent API', 'request', 'Hello');
    await page.getByTestId('url-input').fill(`${suite.server.url}/json`);
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Send request', exact: true }).click();
    await page.getByRole('tablist', { name: 'Response sections' }).waitFor();

    const script = 'pm.test("status is 200", () => pm.response.to.have.status(200));\npm.test("says hello", () => pm.expect(pm.response.json().hello).to.eql("world"));';
    let requestId = '';
    model.push(
      (req) => {
        requestId = requestIdIn(req, 'Hello');
        return { kind: 'tool_calls', calls: [{ name: 'write_tests', arguments: { id: requestId, script } }] };
      },
      () => ({ kind: 'tool_calls', calls: [{ name: 'run_tests', arguments: { id: requestId } }] }),
      (req) => {
        const r = lastToolResult(req);
        return { kind: 'text', text: `**${String(r.passed)} passed**, ${String(r.failed)} failed.` };
      },
    );

    const sidebar = await openAgent(page);
    // "/" offers the skills with their one-line descriptions; Enter takes the highlighted one.
    const box = page.getByRole('combobox', { name: 'Message the agent' });
    await box.fill('/te');
    const skills = page.getByRole('listbox', { name: 'Skills' });
    expect(await skills.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^\/testWrite tests for the active request/)]);
    await box.press('Enter');
    expect(await box.inputValue()).toBe('/test ');
    await box.pressSequentially('check it');
    await box.press('Enter');

    // run_tests goes to a host no environment names: it waits; "Always allow" lets it through.
    const approval = sidebar.getByTestId('agent-approval');
    await waitShown(page, approval);
    const host = new URL(suite.server.url).host;
    await approval.getByRole('button', { name: `Always allow ${host}`, exact: true }).click();

    const turn = await finishedTurn(page);
    expect(await turn.getAttribute('data-status')).toBe('completed');
    const steps = turn.getByTestId('agent-step');
    expect(await steps.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-tool')}:${e.getAttribute('data-status')}`))).toEqual(['write_tests:ok', 'run_tests:ok']);
    expect(await steps.nth(1).textContent()).toContain('Ran tests: 2 passed, 0 failed');
    expect(await turn.getByTestId('agent-answer').innerHTML()).toContain('<strong>2 passed</strong>');
    // The skill and the active tab (its saved id, draft and last response) went to the model.
    const first = model.requests.find((r) => r.body && allText(r.body).includes('"Hello" (request'))!.body!;
    expect(allText(first)).toContain('hello');
    // The turn card lists the request whose script changed.
    expect(await turn.getByTestId('agent-change').allTextContents()).toEqual([expect.stringContaining('Hello')]);

    // The open tab shows the new test script (it was not edited, so it follows the workspace).
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Scripts/ }).click();
    await page.getByRole('tablist', { name: 'Scripts', exact: true }).getByRole('tab', { name: 'Post-response (tests)', exact: true }).click();
    await expect.poll(() => page.getByTestId('script-editor-test').locator('.cm-content').textContent()).toContain('pm.test("says hello"');
    // And sending it again runs them: 2/2 in the Tests tab.
    await page.getByRole('button', { name: 'Send request', exact: true }).click();
    await page.getByRole('tablist', { name: 'Response sections' }).getByRole('tab', { name: 'Tests: 2/2 passed' }).waitFor();

    // The host is now in the always-allowed list of Settings → AI; it can be removed there.
    const dialog = await openAiSettings(page);
    const hosts = dialog.getByRole('list', { name: 'Always allowed hosts' });
    expect(await hosts.textContent()).toContain(host);
    await hosts.getByRole('button', { name: `Remove ${host}` }).click();
    expect(await dialog.getByRole('list', { name: 'Always allowed hosts' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('a conversation creates a collection with two requests and their docs; Undo turn removes them', async () => {
    const { page, errors } = await freshPage();
    await configureAi(page);
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'Pets API', variables: [{ key: 'baseUrl', value: 'http://pets.test' }] } }] },
      (req) => {
        const id = String(lastToolResult(req).id);
        return {
          kind: 'tool_calls',
          calls: [
            { name: 'create_request', arguments: { parentId: id, name: 'List pets', method: 'GET', url: '{{baseUrl}}/pets', description: 'Lists every pet.' } },
            { name: 'create_request', arguments: { parentId: id, name: 'Add pet', method: 'POST', url: '{{baseUrl}}/pets', description: 'Adds a pet.' } },
          ],
        };
      },
      (req) => {
        const zoo = /Collection "Zoo" \(collection ([^)\s]+)\)/.exec(allText(req))![1];
        return {
          kind: 'tool_calls',
          calls: [
            { name: 'write_docs', arguments: { id: String(toolResults(req)[0].id), markdown: '# Pets API\n\nThe pet store.' } },
            { name: 'write_docs', arguments: { id: zoo, markdown: 'Like the Pets API, for zoos.' } },
          ],
        };
      },
      { kind: 'text', text: 'Created **Pets API** with two requests, documented.' },
    );
    await newCollection(page, 'Zoo');
    // Zoo is open in a tab while the agent documents it.
    await treeItem(page, 'Zoo').click();
    const zooDocs = page.getByLabel('Description', { exact: true });
    expect(await zooDocs.inputValue()).toBe('');
    const sidebar = await openAgent(page);
    await sidebar.getByRole('button', { name: 'New chat', exact: true }).click();
    // "@Zo" offers the collection Zoo; Enter puts it in the message and attaches it.
    const box = page.getByRole('combobox', { name: 'Message the agent' });
    await box.fill('Make a Pets API collection with list and add requests, with docs, like @Zo');
    await page.getByRole('listbox', { name: 'Mentions' }).getByRole('option', { name: /^Zoo/ }).waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Make a Pets API collection with list and add requests, with docs, like @Zoo ');
    const before = model.requests.length;
    await box.press('Enter');
    const turn = await finishedTurn(page);
    // The mentioned collection went to the model as context.
    expect(allText(model.requests[before].body!)).toMatch(/Collection "Zoo" \(collection [^)]+\)/);
    expect(await turn.getAttribute('data-status')).toBe('completed');

    // The open Zoo tab shows its new docs (it was not edited, so it follows the workspace).
    await expect.poll(() => zooDocs.inputValue()).toBe('Like the Pets API, for zoos.');
    await treeItem(page, 'Pets API').click();
    await treeItem(page, 'GET List pets').waitFor();
    await treeItem(page, 'POST Add pet').waitFor();

    const card = turn.getByTestId('agent-checkpoint');
    const names = await card.locator('.agent-change-name').allTextContents();
    expect(names.sort()).toEqual(['Add pet', 'List pets', 'Pets API', 'Zoo']);
    expect(await card.locator('header').textContent()).toContain('3 created, 1 changed');
    // The diff of the collection holds its docs.
    const petsRow = card.getByTestId('agent-change').filter({ hasText: 'Pets API' });
    await petsRow.getByRole('button', { name: 'Diff' }).click();
    expect(await petsRow.getByLabel('Diff').textContent()).toContain('The pet store.');

    await card.getByRole('button', { name: 'Undo turn', exact: true }).click();
    await card.getByText('Undone', { exact: true }).waitFor();
    await treeItem(page, 'Pets API').waitFor({ state: 'detached' });
    expect(await treeItem(page, 'GET List pets').count()).toBe(0);
    // Zoo's docs are back to none, in its tab too.
    await page.getByTestId('request-tab').filter({ hasText: 'Zoo' }).click();
    await expect.poll(() => zooDocs.inputValue()).toBe('');

    // The conversation is kept: it is in the history list and opens again with its turn.
    await sidebar.getByRole('button', { name: 'History', exact: true }).click();
    const history = sidebar.getByRole('list', { name: 'Conversations' });
    await history.getByText('Make a Pets API collection', { exact: false }).first().click();
    const reopened = sidebar.getByTestId('agent-turn').filter({ hasText: 'Created Pets API with two requests' });
    await reopened.waitFor();
    expect(await reopened.getByTestId('agent-checkpoint').textContent()).toContain('Undone');

    // Thumbs up is kept with the turn: it shows again when the conversation is reopened.
    await reopened.getByRole('button', { name: 'Good answer' }).click();
    await expect.poll(() => reopened.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe('true');
    await sidebar.getByRole('button', { name: 'New chat', exact: true }).click();
    await sidebar.getByRole('button', { name: 'History', exact: true }).click();
    await history.getByText('Make a Pets API collection', { exact: false }).first().click();
    await expect.poll(() => reopened.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('a POST to a host no environment names waits for approval; denied, it is not sent and the model is told', async () => {
    const { page, errors } = await freshPage();
    await configureAi(page);
    const port = new URL(suite.server.url).port;
    const url = `http://localhost:${port}/agent-denied`;
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'send_request', arguments: { request: { method: 'POST', url, body: { mode: 'raw', language: 'json', raw: '{"a":1}' } } } }] },
      (req) => ({ kind: 'text', text: `The tool said: ${JSON.stringify(lastToolResult(req))}` }),
    );
    const sidebar = await openAgent(page);
    await sidebar.getByRole('button', { name: 'New chat', exact: true }).click();
    await ask(page, 'post a to the server');

    const approval = sidebar.getByTestId('agent-approval');
    await waitShown(page, approval);
    expect(await approval.textContent()).toContain(`POST ${url}`);
    await approval.getByRole('button', { name: 'Deny', exact: true }).click();

    const turn = await finishedTurn(page);
    expect(await turn.getByTestId('agent-step').getAttribute('data-status')).toBe('denied');
    expect(suite.server.hits('/agent-denied')).toBe(0);
    const told = model.requests.at(-1)!.body!.messages.filter((m) => m.role === 'tool').map((m) => m.content ?? '');
    expect(told.join('\n')).toMatch(/denied/i);

    // The conversation can be deleted from the history list (asked first); it stays gone after a reload.
    await sidebar.getByRole('button', { name: 'History', exact: true }).click();
    const history = sidebar.getByRole('list', { name: 'Conversations' });
    await history.getByRole('button', { name: 'Delete conversation post a to the server' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await history.getByText('post a to the server').waitFor({ state: 'detached' });
    await page.reload();
    const reloaded = await openAgent(page);
    if (!(await reloaded.getByRole('list', { name: 'Conversations' }).count())) await reloaded.getByRole('button', { name: 'History', exact: true }).click();
    await reloaded.getByRole('list', { name: 'Conversations' }).getByText('Make a Pets API collection', { exact: false }).first().waitFor();
    expect(await reloaded.getByText('post a to the server').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the answer streams in and Stop ends the turn; a refused key is shown plainly in the chat', async () => {
    const { page, errors } = await freshPage();
    await configureAi(page);
    const sidebar = await openAgent(page);
    await sidebar.getByRole('button', { name: 'New chat', exact: true }).click();
    model.push({ kind: 'hang', text: 'Looking at your workspace' });
    await ask(page, 'take your time');
    const turn = sidebar.getByTestId('agent-turn').last();
    await turn.getByTestId('agent-answer').filter({ hasText: 'Looking at your workspace' }).waitFor();
    expect(await turn.getAttribute('data-status')).toBe('running');
    await sidebar.getByRole('button', { name: 'Stop', exact: true }).click();
    await turn.and(page.locator('[data-status="cancelled"]')).waitFor();
    await sidebar.getByRole('button', { name: 'Send', exact: true }).waitFor();

    model.push({ kind: 'error', status: 401 });
    await ask(page, 'again');
    const failed = await finishedTurn(page);
    expect(await failed.getAttribute('data-status')).toBe('failed');
    const error = failed.getByTestId('agent-error');
    expect(await error.getAttribute('data-problem')).toBe('bad_key');
    expect(await error.textContent()).toContain('refused the API key');
    expect(errors).toEqual([]);
  });

  it('with AI off no AI element is on screen, and the shortcut opens nothing', async () => {
    const { page, errors } = await freshPage();
    await configureAi(page);
    await openAgent(page);
    expect(await page.getByTestId('agent-toggle').count()).toBe(1);
    // While AI is on, Ctrl+Shift+A (Alt+A in a browser) closes and opens the sidebar.
    await page.keyboard.press('Control+Shift+A');
    await page.getByTestId('agent-sidebar').waitFor({ state: 'detached' });
    await page.keyboard.press('Alt+A');
    await page.getByTestId('agent-sidebar').waitFor();
    // Focus goes to the message box when it opens.
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('Message the agent');

    const dialog = await openAiSettings(page);
    await setAiSwitch(dialog, false);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const aiElements = () =>
      page.locator('[data-testid="agent-sidebar"], [data-testid="agent-toggle"], [data-testid="credit-meter"], [data-ai]').count();
    await expect.poll(aiElements).toBe(0);
    await page.keyboard.press('Control+Shift+A');
    await page.keyboard.press('Alt+A');
    expect(await aiElements()).toBe(0);
    expect(await page.getByRole('button', { name: 'Agent', exact: true }).count()).toBe(0);

    // A fresh page on the same workspace: still nothing.
    const other = await freshPage();
    const otherDialog = await openAiSettings(other.page);
    // The AI settings have loaded there (the switch shows off) before looking.
    expect(await otherDialog.getByRole('switch', { name: 'Agent Mode (AI)' }).isChecked()).toBe(false);
    await other.page.keyboard.press('Escape');
    await otherDialog.waitFor({ state: 'detached' });
    expect(await other.page.locator('[data-testid="agent-sidebar"], [data-testid="agent-toggle"], [data-testid="credit-meter"]').count()).toBe(0);

    // On again: the toggle is back.
    const again = await openAiSettings(page);
    await setAiSwitch(again, true);
    await again.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('agent-toggle').waitFor();
    expect(errors).toEqual([]);
  });
});
