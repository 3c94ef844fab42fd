// The Runner view and Postman files in the browser, against the loopback test server: a collection
// imported through the Import dialog (a broken file next to it is refused by name), run twice over
// a CSV data file with a broken row; the progress reaches the end, the counters equal the run's own
// JSON report, "Failed only" shows the failing requests, "Re-run failed" sends only those, the JUnit
// download has one testsuite per request named by its path, and Export gives the collection back.
// A slow run is cancelled: it stops, and nothing more reaches the server. Files dropped on the
// dialog come in; the environment picked in the Runner is the one used, and its changes are kept
// when asked.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/app.js';
import { skipE2E } from '../support/browser.js';
import { newBrowserSuite, startBrowserSuite } from '../support/browser-suite.js';
import { openApp, treeItem, treeMenu } from '../support/ui.js';

const suite = newBrowserSuite();
const FIXTURE = path.join(repoRoot, 'test/fixtures/collections/runner-view.postman_collection.json');
const PATHS = { list: '/echo/users', missing: '/status/404', ping: '/echo/ping', broken: '/text' };
const ALL_REQUESTS = ['Users / List users', 'Users / Missing user', 'Health / Deep / Ping', 'Broken script'];
const FAILING_REQUESTS = ['Users / Missing user', 'Broken script'];

type FileSpec = { name: string; mimeType: string; buffer: Buffer };
const jsonFile = (name: string, json: unknown): FileSpec => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
const USERS_CSV = { name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from('user\nalice\nbob\n"carol\n') };

/** The fixture under a name, its baseUrl pointing at the test server unless given. */
function collectionFile(name = 'Runner view demo', baseUrl = suite.server.url): FileSpec {
  const json = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  json.info.name = name;
  json.variable = [{ key: 'baseUrl', value: baseUrl }];
  return jsonFile(`${name}.postman_collection.json`, json);
}

async function open(): Promise<Page> {
  const { page } = await openApp(suite.browser, suite.app);
  suite.pages.push(page);
  return page;
}

/** Import dialog → the files → the dialog's outcome list text. */
async function importThroughUi(page: Page, files: FileSpec[]): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Files to import').setInputFiles(files);
  const results = dialog.getByRole('list', { name: 'Import results' });
  await expect.poll(() => results.locator(':scope > li').count()).toBe(files.length);
  return dialog;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

async function waitForStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => text(page, 'runner-status'), { timeout: 30_000 }).toBe(status);
}

async function counters(page: Page) {
  return {
    requests: Number(await text(page, 'count-requests')),
    requestsFailed: Number(await text(page, 'count-requests-failed')),
    testsPassed: Number(await text(page, 'count-tests-passed')),
    testsFailed: Number(await text(page, 'count-tests-failed')),
    testsSkipped: Number(await text(page, 'count-tests-skipped')),
  };
}

/** The result rows shown, as "iteration: name" lines. */
async function resultRows(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Run results' }).evaluate((root) =>
    [...root.querySelectorAll('[aria-label^="Iteration "]')].flatMap((section) =>
      [...section.querySelectorAll('[data-testid="runner-result-name"]')].map((n) => `${section.getAttribute('aria-label')}: ${n.textContent}`),
    ),
  );
}

async function progressBar(page: Page): Promise<{ now: number; max: number }> {
  const bar = page.getByRole('progressbar', { name: 'Requests done' });
  return { now: Number(await bar.getAttribute('aria-valuenow')), max: Number(await bar.getAttribute('aria-valuemax')) };
}

/** Clicks and reads the file the page downloads. */
async function download(page: Page, button: Locator): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { fileName: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

describe.skipIf(skipE2E)('the Runner view', () => {
  startBrowserSuite(suite);

  it('imports a collection, runs it twice over a data file, filters, re-runs the failed requests and exports the reports', async () => {
    const page = await open();
    const dialog = await importThroughUi(page, [collectionFile(), { ...jsonFile('broken.json', null), buffer: Buffer.from('{ "info": ') }]);
    expect(await dialog.getByTestId('import-created').textContent()).toContain('Collection “Runner view demo”: 3 folders, 4 requests');
    const refused = (await dialog.getByTestId('import-error').textContent()) ?? '';
    expect(refused).toContain('broken.json was not imported');
    expect(refused).toContain('not valid JSON');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await treeItem(page, 'Runner view demo').waitFor();

    await treeMenu(page, 'Runner view demo', 'Run');
    const view = page.getByTestId('runner-view');
    await view.waitFor();
    expect(await view.getByLabel('Collection to run').locator('option:checked').textContent()).toBe('Runner view demo');
    await view.getByLabel('Data file').setInputFiles(USERS_CSV);
    expect(await text(page, 'runner-data-file')).toBe('users.csv');
    await view.getByLabel('Iterations', { exact: true }).fill('2');
    suite.server.reset();
    await view.getByRole('button', { name: 'Start run' }).click();
    await waitForStatus(page, 'Finished');

    // The bar is full: 2 iterations × 4 requests.
    expect(await progressBar(page)).toEqual({ now: 8, max: 8 });
    expect(await text(page, 'runner-done')).toBe('8 / 8 requests');
    expect(await text(page, 'runner-data-problems')).toContain('users.csv row 3 (line 4): Quote Not Closed');
    expect(await page.getByTestId('runner-warnings').count()).toBe(0); // shown once, not again as a warning
    // What the fixture does per iteration: 5 tests pass, 1 fails, 1 is skipped; 2 requests fail (a test, a script error).
    const shown = await counters(page);
    expect(shown).toEqual({ requests: 8, requestsFailed: 4, testsPassed: 10, testsFailed: 2, testsSkipped: 2 });
    expect(Object.values(PATHS).map((p) => suite.server.hits(p))).toEqual([2, 2, 2, 2]);

    // The run's own report agrees with the counters.
    const json = await download(page, page.getByRole('button', { name: 'Export JSON report' }));
    expect(json.fileName).toBe('Runner view demo-run.json');
    const report = JSON.parse(json.text).run;
    expect(report.stats.requests.total).toBe(shown.requests);
    expect(report.stats.assertions.failed).toBe(shown.testsFailed);
    expect(report.stats.assertions.pending).toBe(shown.testsSkipped);
    expect(report.stats.assertions.total - report.stats.assertions.failed - report.stats.assertions.pending).toBe(shown.testsPassed);
    type ReportExecution = { assertions: { error?: unknown }[]; scriptErrors: unknown[]; requestError?: unknown };
    const failedInReport = report.executions.filter((e: ReportExecution) => e.assertions.some((a) => a.error) || e.scriptErrors.length > 0 || e.requestError);
    expect(failedInReport.length).toBe(shown.requestsFailed);

    const junit = await download(page, page.getByRole('button', { name: 'Export JUnit report' }));
    expect(junit.fileName).toBe('Runner view demo-run.xml');
    const suites = [...junit.text.matchAll(/<testsuite name="([^"]+)"[^>]*failures="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(suites).toEqual([
      ['Users / List users', 0],
      ['Users / Missing user', 2],
      ['Health / Deep / Ping', 0],
      ['Broken script', 0],
    ]);
    expect(junit.text).toContain('the schema check is not written yet');

    const html = await download(page, page.getByRole('button', { name: 'Export HTML report' }));
    expect(html.fileName).toBe('Runner view demo-run.html');
    expect(html.text).toMatch(/^<!doctype html>/i);
    expect(html.text).toContain('Users / Missing user');

    // Every request of both iterations, in order; the failing ones show why.
    expect(await resultRows(page)).toEqual([...ALL_REQUESTS.map((r) => `Iteration 1: ${r}`), ...ALL_REQUESTS.map((r) => `Iteration 2: ${r}`)]);
    const missing = page.getByTestId('runner-result').filter({ has: page.getByText('Users / Missing user', { exact: true }) }).first();
    expect(await missing.getByTestId('runner-result-status').textContent()).toBe('404');
    expect(await missing.locator('[data-outcome="fail"]').textContent()).toContain('user is found');
    expect(await missing.locator('[data-outcome="fail"]').textContent()).toContain('expected response to have status code 200 but got 404');
    await missing.getByText('Console (1)').click();
    expect(await missing.locator('.runner-console pre').textContent()).toBe('looking for alice');
    const broken = page.getByTestId('runner-result').filter({ has: page.getByText('Broken script', { exact: true }) }).first();
    expect(await broken.getByTestId('runner-script-errors').textContent()).toContain('the schema check is not written yet');
    expect(await page.locator('[data-outcome="skipped"]').count()).toBe(2);

    await page.getByLabel('Failed only').check();
    expect(await resultRows(page)).toEqual([...FAILING_REQUESTS.map((r) => `Iteration 1: ${r}`), ...FAILING_REQUESTS.map((r) => `Iteration 2: ${r}`)]);

    // Re-run failed: only those two requests reach the server, in both iterations.
    suite.server.reset();
    await page.getByRole('button', { name: 'Re-run failed (2)' }).click();
    await expect.poll(() => text(page, 'runner-done'), { timeout: 30_000 }).toBe('4 / 4 requests');
    await waitForStatus(page, 'Finished');
    expect(await resultRows(page)).toEqual([...FAILING_REQUESTS.map((r) => `Iteration 1: ${r}`), ...FAILING_REQUESTS.map((r) => `Iteration 2: ${r}`)]);
    expect(Object.values(PATHS).map((p) => suite.server.hits(p))).toEqual([0, 2, 0, 2]);
    expect(await counters(page)).toEqual({ requests: 4, requestsFailed: 4, testsPassed: 4, testsFailed: 2, testsSkipped: 0 });

    // Folders picked (one inside the other): only their requests run.
    await page.getByLabel('Failed only').uncheck();
    await page.getByLabel('Run folder Health').check();
    await page.getByLabel('Run folder Deep').check();
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => text(page, 'runner-done'), { timeout: 30_000 }).toBe('2 / 2 requests');
    await waitForStatus(page, 'Finished');
    expect(await resultRows(page)).toEqual(['Iteration 1: Health / Deep / Ping', 'Iteration 2: Health / Deep / Ping']);

    // Export gives back the collection as imported.
    const exporting = page.waitForEvent('download');
    await treeMenu(page, 'Runner view demo', 'Export');
    const file = await exporting;
    expect(file.suggestedFilename()).toMatch(/^Runner view demo.*\.json$/);
    const exported = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
    expect(exported.info.name).toBe('Runner view demo');
    expect(exported.item.map((i: { name: string }) => i.name)).toEqual(['Users', 'Health', 'Broken script']);
    expect(exported.variable).toEqual([expect.objectContaining({ key: 'baseUrl', value: suite.server.url })]);
  });

  it('cancels a slow run from the collection view: it stops, and nothing more is sent', async () => {
    const page = await open();
    await importThroughUi(page, [collectionFile('Slow demo')]);
    await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Done' }).click();
    await treeMenu(page, 'Slow demo', 'Open collection settings');
    await page.getByRole('button', { name: 'Run collection' }).click();
    const view = page.getByTestId('runner-view');
    expect(await view.getByLabel('Collection to run').locator('option:checked').textContent()).toBe('Slow demo');
    await view.getByLabel('Iterations', { exact: true }).fill('50');
    await view.getByLabel('Delay (ms)').fill('300');
    suite.server.reset();
    await view.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(async () => Number(await text(page, 'count-requests')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await view.getByRole('button', { name: 'Cancel run' }).click();
    await waitForStatus(page, 'Cancelled');
    const sentAtCancel = Object.values(PATHS).reduce((n, p) => n + suite.server.hits(p), 0);

    const { now, max } = await progressBar(page);
    expect(max).toBe(200);
    expect(now).toBeLessThan(max);
    expect(now).toBe(Number(await text(page, 'count-requests')));
    expect(sentAtCancel === now || sentAtCancel === now + 1).toBe(true); // one request may have been on the wire
    expect(await view.getByRole('button', { name: 'Start run' }).isEnabled()).toBe(true);

    // The report of the cancelled run says so; by the time it is read, the server saw nothing more.
    const report = JSON.parse((await download(page, page.getByRole('button', { name: 'Export JSON report' }))).text).run;
    expect(report.cancelled).toBe(true);
    expect(report.executions.length).toBe(now);
    expect(Object.values(PATHS).reduce((n, p) => n + suite.server.hits(p), 0)).toBe(sentAtCancel);

    // Closing the tab of a running run cancels it too.
    await view.getByRole('button', { name: 'Start run' }).click();
    await waitForStatus(page, 'Running');
    await expect.poll(async () => Number(await text(page, 'count-requests')), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: /^Close Run · Slow demo/ }).click();
    await expect.poll(() => page.getByTestId('runner-view').count()).toBe(0);
    const sentAtClose = Object.values(PATHS).reduce((n, p) => n + suite.server.hits(p), 0);
    // A new Runner tab runs the 4 requests once, 400 ms apart: the closed run, had it gone on
    // (a request every 300 ms), would have added its own meanwhile.
    await page.getByRole('button', { name: 'Run collection' }).click();
    const again = page.getByTestId('runner-view');
    expect(await again.getByLabel('Delay (ms)').inputValue()).toBe('0');
    await again.getByLabel('Delay (ms)').fill('400');
    await again.getByRole('button', { name: 'Start run' }).click();
    await waitForStatus(page, 'Finished');
    expect(await text(page, 'runner-done')).toBe('4 / 4 requests');
    const sent = Object.values(PATHS).reduce((n, p) => n + suite.server.hits(p), 0) - sentAtClose;
    expect(sent === 4 || sent === 5).toBe(true); // 5: one request of the closed run was already on the wire
  });

  it('imports files dropped on the dialog; a run uses the environment picked and keeps its changes when asked', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    const files = [
      collectionFile('Env demo', 'http://127.0.0.1:9'),
      jsonFile('loopback.postman_environment.json', {
        name: 'Loopback',
        values: [{ key: 'baseUrl', value: suite.server.url, enabled: true }],
        _postman_variable_scope: 'environment',
      }),
      jsonFile('workspace.postman_globals.json', { name: 'Globals', values: [{ key: 'g1', value: 'one', enabled: true }], _postman_variable_scope: 'globals' }),
    ].map((f) => ({ name: f.name, text: f.buffer.toString('utf8') }));
    const dataTransfer = await page.evaluateHandle((list) => {
      // Browser globals, typed here: the test files compile without the DOM library.
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const dt = new page.DataTransfer();
      for (const f of list) dt.items.add(new page.File([f.text], f.name, { type: 'application/json' }));
      return dt;
    }, files);
    await dialog.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer });
    const created = dialog.getByTestId('import-created');
    await expect.poll(() => created.count()).toBe(3);
    expect((await created.allTextContents()).join('\n')).toMatch(/Collection “Env demo”: 3 folders, 4 requests[\s\S]*Environment “Loopback”: 1 variable[\s\S]*Globals: 1 variable/);
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Open the runner' }).click();
    const view = page.getByTestId('runner-view');
    await view.getByLabel('Collection to run').selectOption({ label: 'Env demo' });
    expect(await view.getByLabel('Run environment').locator('option:checked').textContent()).toBe('No environment');

    // A data file that is not JSON at all: the start is refused, naming the file; nothing runs.
    await view.getByLabel('Data file').setInputFiles({ name: 'rows.json', mimeType: 'application/json', buffer: Buffer.from('[{"user": ') });
    suite.server.reset();
    await view.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => text(page, 'runner-error')).toContain('rows.json: not valid JSON');
    expect(await page.getByTestId('runner-progress').count()).toBe(0);
    await view.getByRole('button', { name: 'Remove' }).click();
    await view.getByLabel('Data file').setInputFiles(USERS_CSV);
    expect(await text(page, 'runner-data-file')).toBe('users.csv');
    expect(await page.getByTestId('runner-error').count()).toBe(0);

    // Without the environment, baseUrl is the collection's dead port: every request fails to connect.
    await view.getByRole('button', { name: 'Start run' }).click();
    await waitForStatus(page, 'Finished');
    expect(await counters(page)).toEqual({ requests: 8, requestsFailed: 8, testsPassed: 0, testsFailed: 12, testsSkipped: 2 }); // test scripts still run, as in newman
    expect(await page.getByTestId('runner-result-status').first().textContent()).toBe('CONNECTION_REFUSED');

    // With it, the requests reach the test server; "Keep variable changes" writes lastUser back.
    await view.getByLabel('Run environment').selectOption({ label: 'Loopback' });
    await view.getByLabel('Keep variable changes', { exact: false }).check();
    await view.getByRole('button', { name: 'Start run' }).click();
    // Polled: until the new run's answer comes, the previous run's "Finished" is still on screen.
    await expect.poll(() => counters(page), { timeout: 30_000 }).toEqual({ requests: 8, requestsFailed: 4, testsPassed: 10, testsFailed: 2, testsSkipped: 2 });
    await waitForStatus(page, 'Finished');
    await page.getByRole('tab', { name: 'Environments' }).click();
    await page.getByRole('listitem', { name: 'Environment Loopback' }).click();
    await expect.poll(() => page.getByLabel('Value of lastUser').inputValue()).toBe('bob');
  });
});
