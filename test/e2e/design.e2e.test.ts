// /design in the app, in Chromium against the real web host and the scripted model server (an
// OpenAI-compatible provider): the model first writes an invalid spec and gets its problems back
// with line numbers (nothing saved), then a valid one with its collection generated, starts a mock
// of it and runs the collection's tests against the mock. Checked on screen (steps, answer, tree,
// checkpoint card, Mocks view) and via the app's own channels (the spec is valid, the collection
// has tests, the mock runs on loopback and answered the run). Undo turn removes the spec and the
// collection, and the mock of the spec stops.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRpc } from '../support/app-rpc.js';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { lastToolResult, startModelServer, type ChatRequest, type ModelServer } from '../support/model-server.js';
import { PETS_SPEC, PETS_SPEC_INVALID } from '../support/pets-spec.js';
import { openApp, treeItem } from '../support/ui.js';

const suite = newBrowserSuite();
let model: ModelServer;

/** The tool results the model was sent in a request, as text, oldest first. */
const toolMessages = (request: ChatRequest) => request.messages.filter((m) => m.role === 'tool').map((m) => m.content ?? '');

/** Settings → AI through the app's channels (the settings UI has its own tests): the model server, with a key. */
async function configureAi(page: Page): Promise<void> {
  await appRpc(suite.app, 'ai.settings.update', { enabled: true, provider: 'compatible', baseUrl: model.url, model: 'scripted-model' });
  await appRpc(suite.app, 'ai.setKey', { key: 'sk-courier-design-e2e-1234567890' });
  await page.reload();
  // Turns are metered: the embedded billing server must have answered first.
  await page.getByTestId('credit-meter-remaining').waitFor({ timeout: 60_000 });
}

describe.skipIf(skipE2E)('/design in the app', () => {
  startBrowserSuite(suite);
  beforeAll(async () => {
    model = await startModelServer();
  });
  afterAll(async () => {
    await model?.close();
  });

  it('/design a pets API: an invalid spec is refused with its lines, the valid one is saved with its collection, a mock runs and the tests pass against it; Undo turn removes them', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await configureAi(page);

    let specId = '';
    let mock = { url: '', collectionId: '' };
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { name: 'Pets', text: PETS_SPEC_INVALID, generateCollection: true } }] },
      () => ({ kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { name: 'Pets', text: PETS_SPEC, generateCollection: true } }] }),
      (req) => {
        specId = String(lastToolResult(req).id);
        return { kind: 'tool_calls', calls: [{ name: 'start_mock', arguments: { specId } }] };
      },
      (req) => {
        const r = lastToolResult(req);
        mock = { url: String(r.url), collectionId: String(r.collectionId) };
        // The generated collection already values {{petId}} from the spec; a model may still set it.
        return { kind: 'tool_calls', calls: [{ name: 'set_variable', arguments: { scope: 'collection', collectionId: mock.collectionId, key: 'petId', value: '1' } }] };
      },
      () => ({ kind: 'tool_calls', calls: [{ name: 'run_tests', arguments: { id: mock.collectionId, baseUrl: mock.url } }] }),
      (req) => {
        const r = lastToolResult(req);
        return { kind: 'text', text: `Designed **Pets**; mock at ${mock.url}; tests: **${String(r.passed)} passed**, ${String(r.failed)} failed.` };
      },
    );

    const toggle = page.getByTestId('agent-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const sidebar = page.getByTestId('agent-sidebar');
    await sidebar.waitFor();
    // "/des" offers the skill with its one-line description; Enter takes it.
    const box = page.getByRole('combobox', { name: 'Message the agent' });
    await box.fill('/des');
    const skills = page.getByRole('listbox', { name: 'Skills' });
    expect(await skills.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^\/designDesign an API/)]);
    await box.press('Enter');
    expect(await box.inputValue()).toBe('/design ');
    const before = model.requests.length;
    await box.pressSequentially('a pets API: list, add and get pets');
    await box.press('Enter');

    const turn = sidebar.getByTestId('agent-turn').last();
    await turn.and(page.locator('[data-status="completed"], [data-status="failed"], [data-status="cancelled"]')).waitFor({ timeout: 60_000 });
    expect(await turn.getAttribute('data-status')).toBe('completed');
    // No approval was asked: the run went only to the mock the turn started.
    expect(await sidebar.getByTestId('agent-approval').count()).toBe(0);
    const steps = turn.getByTestId('agent-step');
    expect(await steps.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-tool')}:${e.getAttribute('data-status')}`))).toEqual([
      'write_spec:error',
      'write_spec:ok',
      'start_mock:ok',
      'set_variable:ok',
      'run_tests:ok',
    ]);
    expect(await steps.nth(0).textContent()).toContain('not a valid OpenAPI 3.0/3.1 spec, so nothing was saved');
    expect(await steps.nth(1).textContent()).toContain('Saved spec Pets (3 operations), generated its collection (3 requests)');
    expect(await steps.nth(2).textContent()).toContain(`Mock of Pets running at ${mock.url}`);
    expect(await steps.nth(4).textContent()).toMatch(/Ran tests: \d+ passed, 0 failed/);

    // The skill's steps went to the model, and the problems came back to it with their lines.
    const first = model.requests[before].body!;
    expect(first.messages.map((m) => m.content ?? '').join('\n')).toMatch(/skill \/design:.*write_spec.*start_mock.*run_tests/s);
    const refused = toolMessages(model.requests[before + 1].body!)[0];
    expect(refused).toContain('nothing was saved');
    expect(refused).toContain('line 2, column 1 (/info): `info` is missing its required `version`.');
    expect(refused).toContain('line 12, column 9 (/paths/~1pets/get/responses/200): Response 200 of GET /pets is missing its required `description`.');

    // Via the app: one spec, valid, linked to the generated collection.
    const { specs } = await appRpc(suite.app, 'specs.list', {});
    expect(specs).toEqual([expect.objectContaining({ id: specId, name: 'Pets', title: 'Pets', operations: 3, errors: 0, collectionId: mock.collectionId })]);
    const spec = await appRpc(suite.app, 'specs.get', { id: specId });
    expect(spec.text).toBe(PETS_SPEC);
    expect((await appRpc(suite.app, 'specs.validate', { text: spec.text })).problems).toEqual([]);
    // The collection: a request per operation, each with a test script.
    const nodes = (await appRpc(suite.app, 'tree.list', {})).nodes;
    const requests = nodes.filter((n) => n.kind === 'request');
    expect(requests.map((n) => `${n.method ?? ''} ${n.name}`).sort()).toEqual(['GET Get a pet', 'GET List pets', 'POST Add a pet']);
    for (const r of requests) expect((await appRpc(suite.app, 'items.get', { id: r.id })).scripts.test).toContain('pm.test(');
    // The mock runs on loopback, answered the run (3 requests, all 2xx), and still answers.
    const { mocks } = await appRpc(suite.app, 'mocks.list', {});
    expect(mocks).toEqual([expect.objectContaining({ url: mock.url, host: '127.0.0.1', source: { kind: 'spec', specId } })]);
    const log = (await appRpc(suite.app, 'mocks.log', { id: mocks[0].id })).entries;
    expect(log.map((e) => `${e.method} ${e.status}`).sort()).toEqual(['GET 200', 'GET 200', 'POST 201']);
    const live = await fetch(`${mock.url}/pets/1`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ id: 1, name: 'Rex' });
    // The run's numbers, as the model was told them.
    const run = lastToolResult(model.requests.at(-1)!.body!);
    expect(run).toMatchObject({ id: mock.collectionId, baseUrl: mock.url, failed: 0 });
    expect(Number(run.passed)).toBeGreaterThanOrEqual(3);
    expect(await turn.getByTestId('agent-answer').innerHTML()).toContain(`<strong>${String(run.passed)} passed</strong>`);

    // On screen: the collection in the tree, the mock in the Mocks view.
    await treeItem(page, 'Pets').click();
    await treeItem(page, 'GET List pets').waitFor();
    await page.getByRole('button', { name: 'Mocks', exact: true }).click();
    const running = page.getByTestId('mock-running');
    await running.waitFor();
    expect(await running.getByTestId('mock-url').textContent()).toBe(mock.url);
    await expect.poll(() => running.getByTestId('mock-requests').textContent()).toContain('4 requests');
    // The Mocks view stays open through the undo: emptying the workspace under it must not loop its
    // source picker (React #185, a selector that answered a new empty list each time).
    // The Specs panel lists the spec: its operations, no problems.
    const panels = page.getByRole('tablist', { name: 'Sidebar panels' });
    await panels.getByRole('tab', { name: 'Specs' }).click();
    const specRow = page.getByRole('listitem', { name: 'Spec Pets' });
    await expect.poll(() => specRow.textContent()).toContain('3 ops');

    // The checkpoint card lists the spec and the collection; Undo turn removes both.
    const card = turn.getByTestId('agent-checkpoint');
    expect((await card.locator('.agent-change-kind').allTextContents()).sort()).toEqual(['collection', 'spec']);
    await card.getByRole('button', { name: 'Undo turn', exact: true }).click();
    await card.getByText('Undone', { exact: true }).waitFor();
    // The open panels follow: the spec leaves the Specs panel, the collection the tree.
    await specRow.waitFor({ state: 'detached' });
    await panels.getByRole('tab', { name: 'Collections' }).click();
    await treeItem(page, 'Pets').waitFor({ state: 'detached' });
    expect((await appRpc(suite.app, 'specs.list', {})).specs).toEqual([]);
    expect((await appRpc(suite.app, 'tree.list', {})).nodes).toEqual([]);
    // The mock of the removed spec stopped with it.
    await expect.poll(async () => (await appRpc(suite.app, 'mocks.list', {})).mocks).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
