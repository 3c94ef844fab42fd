// The Electron main process: one window, sandboxed, loading the UI from the app:// scheme with a
// strict CSP; every IPC call checked for its sender and validated against the contract.
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, shell, type WebFrameMain } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAMES, EVENT_CHANNEL } from '../shared/channel-names.js';
import { createAppServices, type AppServices } from './services/app-services.js';
import { dispatch } from './services/rpc/dispatch.js';
import { contentSecurityPolicy } from './services/security/csp.js';
import { isInside } from './services/security/path-guard.js';
import { VERSION } from './services/version.js';

const APP_ORIGIN = 'app://courier';
const rendererDir = path.join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (process.env.COURIER_HOME) app.setPath('userData', path.resolve(process.env.COURIER_HOME));

let services: AppServices | undefined;

function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function serveApp(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.join(rendererDir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (!isInside(rendererDir, file)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response || !response.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(current: AppServices): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Courier window' } };
      }
      return dispatch(current.handlers, channel, input);
    });
  }
  current.events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });
}

function lockDownNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!url.startsWith(APP_ORIGIN + '/')) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser, never inside the app.
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Courier',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  services = createAppServices({
    home: app.getPath('userData'),
    host: 'electron',
    version: VERSION,
    sqliteBinding: process.env.COURIER_SQLITE_BINDING,
    // The AI provider key is kept encrypted by the OS keychain where one is available.
    encryptor: safeStorage.isEncryptionAvailable()
      ? { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (cipher) => safeStorage.decryptString(cipher) }
      : undefined,
  });
  serveApp();
  lockDownNavigation();
  registerIpc(services);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => void services?.close());
