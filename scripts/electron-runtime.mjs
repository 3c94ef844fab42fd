// Finds the Electron runtime, if this machine has one, and prepares better-sqlite3 for its ABI.
// Electron's binary is downloaded by its postinstall script; where that cannot happen (no network,
// ELECTRON_SKIP_BINARY_DOWNLOAD=1) the package is there without the binary and Courier runs in
// the web host instead. Nothing here runs at install time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The electron package's folder, or null (it is an optional dependency). Found without loading it. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The Electron executable, or null with the reason it is absent. */
export function findElectron() {
  const dir = electronPackageDir();
  if (!dir) return { executable: null, reason: 'the electron package is not installed (it is optional)' };
  // The package's postinstall writes path.txt once the binary is downloaded into dist/.
  const pathFile = path.join(dir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
  if (!executable || !fs.existsSync(executable)) {
    return { executable: null, reason: 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD or no network)' };
  }
  return { executable, reason: null };
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI, web host). Electron needs a build
 * for its own ABI: make one, once, in a separate folder, and hand its path to the main process
 * (COURIER_SQLITE_BINDING), so Node and Electron each load the right one.
 */
export function ensureElectronSqlite(root) {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(electronPackageDir(), 'package.json'), 'utf8')).version;
  const dir = path.join(root, '.courier-dev', `electron-${electronVersion}`);
  const binding = path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  console.log(`start: building better-sqlite3 for Electron ${electronVersion} (once)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'courier-electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  for (const name of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    const src = path.dirname(require.resolve(`${name}/package.json`));
    fs.cpSync(src, path.join(dir, 'node_modules', name), { recursive: true });
  }
  fs.rmSync(path.join(dir, 'node_modules', 'better-sqlite3', 'build'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--module-dir', dir, '--only', 'better-sqlite3', '--force'], { stdio: 'inherit' });
  return binding;
}
