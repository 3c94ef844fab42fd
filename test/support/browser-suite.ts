// What a browser test file sets up once: Chromium, the loopback test server and the app (the built
// web host on its own workspace), all closed after the file's tests, with every page they opened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from './app.js';
import { launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface BrowserSuite {
  browser: Browser;
  server: TestServer;
  app: RunningApp;
  /** Pages to close after the file's tests. */
  pages: Page[];
}

/** The suite's parts, filled in by startBrowserSuite's beforeAll (usable from module-level helpers). */
export function newBrowserSuite(): BrowserSuite {
  return { pages: [] } as unknown as BrowserSuite;
}

/** Registers the hooks; call inside the file's `describe.skipIf(skipE2E)` so nothing starts where it is skipped. */
export function startBrowserSuite(suite: BrowserSuite): void {
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.server = await startTestServer();
    suite.app = await startApp();
  });

  afterAll(async () => {
    for (const p of suite.pages) await p.close().catch(() => {});
    await suite.browser?.close();
    await suite.server?.close();
    await suite.app?.kill();
  });
}
