// Small steps the browser tests share: open the app in a fresh page, create and name tree items,
// read the tree as a user sees it. Names are matched exactly ("Users" never finds "Users copy").
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './app.js';

/** A fresh page (own context, so own localStorage) on the app, waited until the sidebar shows. */
export async function openApp(browser: Browser, app: RunningApp, url = app.url): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await gotoBuiltUi(page, url);
  const sidebar = page.getByRole('tablist', { name: 'Sidebar panels' });
  const gate = page.getByTestId('connection-gate');
  await sidebar
    .or(gate)
    .first()
    .waitFor()
    .catch(async (err: Error) => {
      throw new Error(`${err.message}\npage: ${(await page.content()).slice(0, 2000)}\napp: ${app.output()}`);
    });
  if (await gate.count()) throw new Error(`the app showed its connection gate: ${await gate.textContent()}\n${app.output()}`);
  return { page, errors };
}

/**
 * Loads the page, again if the UI's files were missing: `npm run build` elsewhere on the machine
 * empties dist/renderer for a few seconds while Vite writes it anew.
 */
export async function gotoBuiltUi(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let missing = false;
    const onResponse = (r: { status(): number; url(): string }) => {
      if (r.status() === 404 && new URL(r.url()).origin === new URL(url).origin) missing = true;
    };
    page.on('response', onResponse);
    const response = await page.goto(url, { waitUntil: 'load' });
    page.off('response', onResponse);
    if (response?.status() !== 404 && !missing) return;
    if (attempt === 10) throw new Error(`${url}: the built UI stayed missing (run node scripts/build.mjs)`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Types a name into the rename box of a just-created (or F2'd) item. */
export async function renameTo(page: Page, current: string, name: string): Promise<void> {
  const input = page.getByLabel(`New name for ${current}`, { exact: true });
  await input.fill(name);
  await input.press('Enter');
}

export function treeItem(page: Page, label: string) {
  return page.getByRole('treeitem', { name: label, exact: true });
}

export async function newCollection(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New collection', exact: true }).first().click();
  await renameTo(page, 'New Collection', name);
  await treeItem(page, name).waitFor();
}

/** "⋯" on `parent` → Add request / Add folder, then names it. Requests are GET until changed. */
export async function addChild(page: Page, parent: string, kind: 'request' | 'folder', name: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${parent}`, exact: true }).click();
  await page.getByRole('menuitem', { name: kind === 'request' ? 'Add request' : 'Add folder', exact: true }).click();
  await renameTo(page, kind === 'request' ? 'New Request' : 'New Folder', name);
  await treeItem(page, kind === 'request' ? `GET ${name}` : name).waitFor();
}

/** The visible tree, top to bottom, one string per row: two dots per level below the top, then the row's name. */
export async function treeRows(page: Page): Promise<string[]> {
  return page
    .getByRole('tree', { name: 'Collections' })
    .getByRole('treeitem')
    .evaluateAll((rows) => rows.map((r) => `${'..'.repeat(Number(r.getAttribute('aria-level')) - 1)}${r.getAttribute('aria-label')}`));
}

/** Opens a ⋯ menu on a tree item and picks an entry (its name may be followed by a shortcut: "Delete Del"). */
export async function treeMenu(page: Page, item: string, entry: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${item}`, exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${entry}( |$)`) }).click();
}
