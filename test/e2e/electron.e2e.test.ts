// The desktop app in a real Electron window, driven by Playwright's _electron. Runs where the
// Electron binary exists; elsewhere (as on machines that cannot download it) it is skipped and the
// reason printed. The same UI is covered in Chromium through the web host (workspace.e2e.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensureElectronSqlite, findElectron } from '../../scripts/electron-runtime.mjs';
import { repoRoot, tempHome } from '../support/app.js';

const runtime = findElectron();
if (!runtime.executable) console.log(`Electron tests skipped: ${runtime.reason}`);

describe.skipIf(!runtime.executable)('desktop app (Electron)', () => {
  it('opens a sandboxed window whose page sees only the contract bridge', async () => {
    const main = path.join(repoRoot, 'dist/electron/main.cjs');
    expect(fs.existsSync(main)).toBe(true);
    const app = await electron.launch({
      executablePath: runtime.executable!,
      args: [main, '--no-sandbox'],
      env: { ...process.env, COURIER_HOME: tempHome(), COURIER_SQLITE_BINDING: ensureElectronSqlite(repoRoot) } as Record<string, string>,
    });
    try {
      const window = await app.firstWindow();
      await window.waitForSelector('[data-testid="tree"]');
      const exposed = await window.evaluate(() => ({
        bridge: Object.keys((window as unknown as { courier: object }).courier).sort(),
        hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
        hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      }));
      expect(exposed).toEqual({ bridge: ['host', 'invoke', 'on'], hasProcess: false, hasRequire: false });
      const refused = await window.evaluate(() =>
        (window as unknown as { courier: { invoke(c: string, i: unknown): Promise<unknown> } }).courier.invoke('fs.readFile', {}),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0].webContents;
        const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
        return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    } finally {
      await app.close();
    }
  });
});
