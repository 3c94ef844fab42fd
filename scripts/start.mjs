// npm start: build if needed, then open the desktop app, or, where the Electron runtime is absent,
// serve the same app from the web host and print its URL. Options after `--` go to the web host
// (`npm start -- --no-open --port 4321`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isBuildFresh } from './build.mjs';
import { ensureElectronSqlite, findElectron } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!isBuildFresh()) await build();

const electron = process.env.COURIER_FORCE_WEB ? { executable: null, reason: 'COURIER_FORCE_WEB is set' } : findElectron();
let child;
if (electron.executable) {
  const binding = ensureElectronSqlite(root);
  child = spawn(electron.executable, [path.join(root, 'dist/electron/main.cjs'), ...args], {
    stdio: 'inherit',
    env: { ...process.env, COURIER_SQLITE_BINDING: binding },
  });
} else {
  console.log(`start: no Electron runtime (${electron.reason}); starting the web host.`);
  child = spawn(process.execPath, [path.join(root, 'dist/web-host.mjs'), ...args], { stdio: 'inherit' });
}
// Ctrl+C reaches the child through the terminal's process group; just wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
