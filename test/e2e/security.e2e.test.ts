// The web host in a browser, from the side of someone who should not get in: the app's page opened
// without its token, or with a wrong one, shows the "open Courier from its own link" gate and never
// gets an answer over the RPC socket; a page of another origin that knows the real token still
// cannot open the socket. The same socket code run from the app's own page does get in, so the
// refusals are the guard's doing, not a broken probe.
import type { Browser, Page, WebSocket as PwWebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app.js';
import { launchBrowser, skipE2E } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { gotoBuiltUi, newCollection, openApp } from '../support/ui.js';

let browser: Browser;
let server: TestServer;
let app: RunningApp;
const pages: Page[] = [];

/** Every WebSocket the page opens, and how many frames came back over them. */
function watchSockets(page: Page): { urls: string[]; received: () => number; closed: () => number } {
  const urls: string[] = [];
  let received = 0;
  let closed = 0;
  page.on('websocket', (ws: PwWebSocket) => {
    urls.push(ws.url());
    ws.on('framereceived', () => received++);
    ws.on('close', () => closed++);
  });
  return { urls, received: () => received, closed: () => closed };
}

async function freshPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.setDefaultTimeout(20_000);
  pages.push(page);
  return page;
}

interface Probe {
  opened: boolean;
  code: number;
  reply: unknown;
}

/** Runs in a page: opens the RPC socket, asks for the tree, reports what happened. */
function probeSocket(url: string): Promise<Probe> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let opened = false;
    let reply: unknown = null;
    const timer = setTimeout(() => ws.close(), 10_000);
    ws.onopen = () => {
      opened = true;
      ws.send(JSON.stringify({ id: 1, channel: 'tree.list', input: {} }));
    };
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as { id?: number; reply?: unknown };
      if (msg.id === 1) {
        reply = msg.reply;
        ws.close();
      }
    };
    ws.onclose = (e) => {
      clearTimeout(timer);
      resolve({ opened, code: e.code, reply });
    };
  });
}

describe.skipIf(skipE2E)('web host security in the browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
    app = await startApp();
    // Something in the workspace that an outsider must not see.
    const { page } = await openApp(browser, app);
    pages.push(page);
    await newCollection(page, 'Private payroll');
  });

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await app?.kill();
  });

  it('without ?token= the page shows the connection gate and opens no socket', async () => {
    const page = await freshPage();
    const sockets = watchSockets(page);
    await gotoBuiltUi(page, `${app.origin}/`);
    const gate = page.getByTestId('connection-gate');
    await gate.waitFor();
    expect(await gate.getByRole('heading').textContent()).toBe('Open Courier from its own link');
    expect(await gate.textContent()).toContain('This page was opened without its access token.');
    expect(await gate.textContent()).toContain('http://127.0.0.1:PORT/?token=');
    // A moment later still nothing: no socket, no sidebar, nothing from the workspace.
    await page.waitForTimeout(1_500);
    expect(sockets.urls).toEqual([]);
    expect(await page.getByRole('tablist', { name: 'Sidebar panels' }).count()).toBe(0);
    expect(await page.content()).not.toContain('Private payroll');
  }, 60_000);

  it('with a wrong token the socket is refused, the gate says so, and no RPC is answered', async () => {
    const page = await freshPage();
    const sockets = watchSockets(page);
    const wrong = 'A'.repeat(app.token.length); // as long as the real one
    await gotoBuiltUi(page, `${app.origin}/?token=${wrong}`);
    const gate = page.getByTestId('connection-gate');
    await gate.waitFor();
    expect(await gate.getByRole('heading').textContent()).toBe('Courier did not accept this page');
    expect(await gate.textContent()).toContain('did not accept this page’s access token');
    // It tried, with the token it was given, and gave up without one frame coming back.
    expect(sockets.urls.length).toBeGreaterThanOrEqual(1);
    for (const url of sockets.urls) expect(url).toBe(`ws://127.0.0.1:${app.port}/rpc?token=${wrong}`);
    await expect.poll(() => sockets.closed()).toBe(sockets.urls.length);
    expect(sockets.received()).toBe(0);
    expect(await page.getByRole('tablist', { name: 'Sidebar panels' }).count()).toBe(0);
    expect(await page.content()).not.toContain('Private payroll');

    // The same probe with the wrong token, by hand: refused before it opens.
    const probe = await page.evaluate(probeSocket, `ws://127.0.0.1:${app.port}/rpc?token=${wrong}`);
    expect(probe).toEqual({ opened: false, code: 1006, reply: null });
  }, 60_000);

  it('a page from another origin cannot open the RPC socket even with the real token', async () => {
    // Control: from the app's own page the probe gets in and reads the tree.
    const { page: own } = await openApp(browser, app);
    pages.push(own);
    const allowed = await own.evaluate(probeSocket, `ws://127.0.0.1:${app.port}/rpc?token=${app.token}`);
    expect(allowed.opened).toBe(true);
    expect(JSON.stringify(allowed.reply)).toContain('Private payroll');

    // Another origin: a page the test server serves on its own port, holding the real token.
    const evil = await freshPage();
    await evil.goto(`${server.url}/html`);
    expect(new URL(evil.url()).origin).not.toBe(app.origin);
    for (const host of ['127.0.0.1', 'localhost']) {
      const refused = await evil.evaluate(probeSocket, `ws://${host}:${app.port}/rpc?token=${app.token}`);
      expect(refused, host).toEqual({ opened: false, code: 1006, reply: null });
    }
    // The app itself is still fine.
    await own.reload();
    await own.getByRole('treeitem', { name: 'Private payroll', exact: true }).waitFor();
  }, 60_000);
});
