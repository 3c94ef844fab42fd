// The collections tree in Chromium, as a user arranges it: a collection with two folders and
// requests; a request dragged into the other folder and then above its new sibling (HTML5 drag and
// drop, as the mouse does it); the new order still there after a reload; a folder duplicated with
// its requests; deleting a folder asks first, naming what goes, and Cancel keeps it; F2 renames.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app.js';
import { launchBrowser, skipE2E } from '../support/browser.js';
import { addChild, newCollection, openApp, renameTo, treeItem, treeMenu, treeRows } from '../support/ui.js';

let browser: Browser;
let app: RunningApp;
const pages: Page[] = [];

/** Drags `source` onto `target`: near its top edge (before), bottom edge (after) or middle (into). */
async function drag(source: Locator, target: Locator, where: 'before' | 'after' | 'into'): Promise<void> {
  const box = (await target.boundingBox())!;
  const y = where === 'before' ? 3 : where === 'after' ? box.height - 3 : box.height / 2;
  await source.dragTo(target, { targetPosition: { x: Math.min(60, box.width / 2), y } });
}

describe.skipIf(skipE2E)('collections tree in the browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
  });

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {});
    await browser?.close();
    await app?.kill();
  });

  it('moves requests by drag and drop, keeps the order after a reload, duplicates, deletes with a confirmation, renames with F2', async () => {
    const { page, errors } = await openApp(browser, app);
    pages.push(page);

    await newCollection(page, 'Shop');
    await addChild(page, 'Shop', 'folder', 'Orders');
    await addChild(page, 'Shop', 'folder', 'Users');
    await addChild(page, 'Orders', 'request', 'List orders');
    await addChild(page, 'Orders', 'request', 'Create order');
    await addChild(page, 'Users', 'request', 'List users');
    expect(await treeRows(page)).toEqual([
      'Shop',
      '..Orders',
      '....GET List orders',
      '....GET Create order',
      '..Users',
      '....GET List users',
    ]);

    // "Create order" dropped onto the middle of "Users" goes into it, at the end.
    await drag(treeItem(page, 'GET Create order'), treeItem(page, 'Users'), 'into');
    await expect
      .poll(() => treeRows(page))
      .toEqual(['Shop', '..Orders', '....GET List orders', '..Users', '....GET List users', '....GET Create order']);

    // Dropped on the top half of "List users" it goes above it.
    await drag(treeItem(page, 'GET Create order'), treeItem(page, 'GET List users'), 'before');
    await expect
      .poll(() => treeRows(page))
      .toEqual(['Shop', '..Orders', '....GET List orders', '..Users', '....GET Create order', '....GET List users']);

    // And the folders swap: "Users" dropped on the top edge of "Orders".
    await drag(treeItem(page, 'Users'), treeItem(page, 'Orders'), 'before');
    const arranged = ['Shop', '..Users', '....GET Create order', '....GET List users', '..Orders', '....GET List orders'];
    await expect.poll(() => treeRows(page)).toEqual(arranged);

    // The order is the workspace's, not just the page's: a reload shows it again.
    await page.reload();
    await treeItem(page, 'Shop').waitFor();
    await expect.poll(() => treeRows(page)).toEqual(arranged);

    // Duplicate a folder: the copy sits right after it, with its requests.
    await treeMenu(page, 'Users', 'Duplicate');
    await treeItem(page, 'Users copy').waitFor();
    if ((await treeItem(page, 'Users copy').getAttribute('aria-expanded')) !== 'true') await treeItem(page, 'Users copy').click();
    await expect
      .poll(() => treeRows(page))
      .toEqual([
        'Shop',
        '..Users',
        '....GET Create order',
        '....GET List users',
        '..Users copy',
        '....GET Create order',
        '....GET List users',
        '..Orders',
        '....GET List orders',
      ]);

    // Delete asks first and says what goes with the folder; Cancel keeps everything.
    await treeMenu(page, 'Users copy', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete folder' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Delete folder “Users copy” and its 2 requests?');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await treeItem(page, 'Users copy').count()).toBe(1);
    expect(await treeItem(page, 'GET List users').count()).toBe(2);

    // Del on the focused row asks the same; Delete removes the folder and its requests only.
    await treeItem(page, 'Users copy').press('Delete');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('“Users copy” and its 2 requests');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => treeRows(page)).toEqual(arranged);

    // F2 on a selected folder opens the rename box in place.
    await treeItem(page, 'Orders').click();
    await page.keyboard.press('F2');
    await renameTo(page, 'Orders', 'Purchases');
    const renamed = ['Shop', '..Users', '....GET Create order', '....GET List users', '..Purchases', '....GET List orders'];
    await expect.poll(() => treeRows(page)).toEqual(renamed);

    // A request clicked, then F2 and Escape: nothing changes.
    await treeItem(page, 'GET List orders').click();
    await page.keyboard.press('F2');
    const box = page.getByLabel('New name for List orders', { exact: true });
    await box.fill('Should not stick');
    await box.press('Escape');
    await expect.poll(() => treeRows(page)).toEqual(renamed);

    await page.reload();
    await treeItem(page, 'Shop').waitFor();
    await expect.poll(() => treeRows(page)).toEqual(renamed);
    expect(errors).toEqual([]);
  }, 120_000);
});
