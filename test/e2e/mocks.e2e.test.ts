// Mock servers in the browser, against the real web host: a collection's saved examples are served
// by a mock started from the Mocks view (on 127.0.0.1 unless the user ticks "Expose", which warns);
// requests sent with real fetch from this test get the examples' bodies and show in the live log
// (newest first, status, what matched, a filter); Stop frees the port (connection refused) and
// keeps the log; a collection's menu starts one too. A spec mock (the petstore spec opened as a file)
// answers a valid request from the spec, refuses a bad POST with a 400 problem body that the log
// shows, and adds the latency asked for; a long log draws only its newest 200 rows; the spec's tab
// starts a mock too.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/app.js';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { openApp, treeMenu } from '../support/ui.js';

const suite = newBrowserSuite();
const USERS = path.join(repoRoot, 'test/fixtures/docs/users-api.postman_collection.json');
const PETSTORE = path.join(repoRoot, 'test/fixtures/mocks/petstore.openapi.yaml');

const mocksView = (page: Page) => page.getByTestId('mocks-view');
const logRows = (page: Page) => mocksView(page).getByTestId('mock-log-row');

/** The log's rows as `METHOD path status match` lines, newest first. */
async function logLines(page: Page): Promise<string[]> {
  return logRows(page).evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].slice(1, 6).filter((_, i) => i !== 3).map((td) => td.textContent?.trim()).join(' ')),
  );
}

async function importCollection(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Files to import').setInputFiles(file);
  await dialog.getByTestId('import-created').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

async function openMocksView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Mocks', exact: true }).click();
  await mocksView(page).waitFor();
}

/** Starts the form's mock and returns its URL (the newest running mock is listed first). */
async function start(page: Page): Promise<string> {
  const before = await mocksView(page).getByTestId('mock-running').count();
  await mocksView(page).getByRole('button', { name: 'Start mock', exact: true }).click();
  await expect.poll(() => mocksView(page).getByTestId('mock-running').count()).toBe(before + 1);
  return (await mocksView(page).getByTestId('mock-url').first().textContent())!.trim();
}

async function refused(url: string): Promise<string> {
  try {
    await fetch(url);
    return 'answered';
  } catch (err) {
    return String((err as { cause?: { code?: string } }).cause?.code);
  }
}

describe.skipIf(skipE2E)('mock servers', () => {
  startBrowserSuite(suite);

  it("serves a collection's saved examples on 127.0.0.1, logs each request live, and frees the port on Stop", async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await importCollection(page, USERS);
    await openMocksView(page);
    const view = mocksView(page);
    await view.getByLabel('Mock source').selectOption({ label: 'Users API' });

    // Exposing the mock beyond this machine is opt-in and warned about.
    const expose = view.getByRole('checkbox', { name: 'Expose on all interfaces (0.0.0.0)' });
    expect(await expose.isChecked()).toBe(false);
    expect(await view.getByTestId('mocks-expose-warning').count()).toBe(0);
    await expose.check();
    expect(await view.getByTestId('mocks-expose-warning').textContent()).toContain('Anyone who can reach this machine');
    await expose.uncheck();
    expect(await view.getByTestId('mocks-expose-warning').count()).toBe(0);

    const url = await start(page);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await view.getByTestId('mock-log').textContent()).toContain('No requests yet');

    const list = await fetch(`${url}/users?page=2&limit=10`);
    expect(list.status).toBe(200);
    expect(await list.text()).toBe('[{"id":1,"name":"Ada"}]');
    const created = await fetch(`${url}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Grace"}' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 2, name: 'Grace' });
    const nowhere = await fetch(`${url}/nowhere`);
    expect(nowhere.status).toBe(404);
    await nowhere.arrayBuffer();

    // The live log, newest first.
    await expect.poll(() => logLines(page)).toEqual(['GET /nowhere 404 no match', 'POST /users 201 Created', 'GET /users?page=2&limit=10 200 A page of users']);
    expect(await view.getByTestId('mock-requests').textContent()).toBe('3 requests');
    expect(await logRows(page).first().getByTestId('mock-log-problems').textContent()).not.toBe('');
    await view.getByLabel('Filter the request log').fill('4xx');
    await expect.poll(() => logLines(page)).toEqual(['GET /nowhere 404 no match']);
    expect(await view.getByTestId('mock-log-count').textContent()).toBe('1 of 3 requests');
    await view.getByLabel('Filter the request log').fill('');

    // A reload brings the Mocks tab back with the running mock and its log, read again from the app.
    await page.reload();
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(1);
    expect(await view.getByTestId('mock-url').textContent()).toBe(url);
    await expect.poll(() => logLines(page)).toEqual(['GET /nowhere 404 no match', 'POST /users 201 Created', 'GET /users?page=2&limit=10 200 A page of users']);

    // Stop: the port is closed; what was logged stays on screen.
    await view.getByTestId('mock-running').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(0);
    expect(await refused(`${url}/users`)).toBe('ECONNREFUSED');
    expect(await view.getByTestId('mock-stopped').count()).toBe(1);
    expect(await logRows(page).count()).toBe(3);

    // The collection's menu starts one with the view's settings.
    await treeMenu(page, 'Users API', 'Start mock');
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(1);
    const again = (await view.getByTestId('mock-url').first().textContent())!.trim();
    expect(again).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${again}/users?page=2&limit=10`)).text()).toBe('[{"id":1,"name":"Ada"}]');
    await expect.poll(() => logLines(page)).toEqual(['GET /users?page=2&limit=10 200 A page of users']);
    await view.getByTestId('mock-running').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(0);
    expect(await refused(again)).toBe('ECONNREFUSED');
    expect(errors).toEqual([]);
  });

  it('serves a spec: answers from the spec, refuses a bad request with a 400 problem the log shows, adds the latency, and draws at most 200 rows', async () => {
    const { page, errors } = await openApp(suite.browser, suite.app);
    suite.pages.push(page);
    await page.getByRole('tab', { name: 'Specs', exact: true }).click();
    await page.getByLabel('Spec file to open').setInputFiles(PETSTORE);
    await page.getByTestId('spec-view').waitFor();

    await openMocksView(page);
    const view = mocksView(page);
    await view.getByLabel('Mock source').selectOption({ label: 'petstore.openapi' });
    await view.getByLabel('Latency (ms)').fill('250');
    const url = await start(page);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const t0 = performance.now();
    const list = await fetch(`${url}/pets?limit=10`);
    const tookMs = performance.now() - t0;
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([
      { id: 1, name: 'Rex', tag: 'dog', status: 'available' },
      { id: 2, name: 'Tom', tag: 'cat', status: 'sold' },
    ]);
    expect(tookMs).toBeGreaterThanOrEqual(250);

    const bad = await fetch(`${url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"tag":"dog"}' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { status: number; title: string };
    expect(problem.status).toBe(400);
    expect(JSON.stringify(problem)).toContain('name');

    await expect.poll(() => logRows(page).count()).toBe(2);
    const newest = logRows(page).first();
    expect(await newest.getByTestId('mock-log-status').textContent()).toBe('400');
    expect(await newest.getByTestId('mock-log-match').textContent()).toBe('POST /pets');
    expect(await newest.getByTestId('mock-log-problems').textContent()).toContain('name');
    expect(await logRows(page).nth(1).getByTestId('mock-log-match').textContent()).toBe('GET /pets');

    // A long log stays whole in memory but only the newest rows are drawn.
    const many = await Promise.all(Array.from({ length: 210 }, (_, i) => fetch(`${url}/pets/${i + 1}`).then((r) => r.arrayBuffer().then(() => r.status))));
    expect(new Set(many)).toEqual(new Set([200]));
    await expect.poll(() => view.getByTestId('mock-log-count').textContent()).toBe('212 requests');
    expect(await logRows(page).count()).toBe(200);
    expect(await view.getByTestId('mock-log-more').textContent()).toBe('Showing the newest 200 of 212; filter to find older ones.');
    await view.getByLabel('Filter the request log').fill('400');
    await expect.poll(() => logRows(page).count()).toBe(1);

    await view.getByTestId('mock-running').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(0);
    expect(await refused(`${url}/pets`)).toBe('ECONNREFUSED');

    // The spec's own tab starts one too.
    await page.getByRole('tab', { name: 'petstore.openapi' }).click();
    await page.getByTestId('spec-view').getByRole('button', { name: 'Start mock', exact: true }).click();
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(1);
    const fromTab = (await view.getByTestId('mock-url').first().textContent())!.trim();
    expect((await fetch(`${fromTab}/pets/3`)).status).toBe(200);
    await view.getByTestId('mock-running').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => view.getByTestId('mock-running').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
