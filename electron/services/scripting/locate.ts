// Where the built sandbox files are (scripts/build-sandbox.mjs writes them), and reading them.
//
// - Bundled (dist/cli.mjs, dist/web-host.mjs, dist/electron/main.cjs): this code is inside the
//   bundle, and the files are in dist/sandbox, next to it or one level up.
// - From source (vitest, tsx): this file is electron/services/scripting/locate.ts; the sandbox is
//   built on demand (when missing or older than its sources) into node_modules/.cache/courier-sandbox
//   by running scripts/build-sandbox.mjs --if-needed.
// - COURIER_SANDBOX_DIR overrides both.
// The module's own path comes from a V8 stack frame rather than import.meta.url or __dirname,
// because this code is bundled both as ESM and as CommonJS.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SandboxFiles {
  dir: string;
  worker: string;
  prelude: string;
  libs: Record<string, string>;
}

interface Manifest {
  worker: string;
  prelude: string;
  libs: Record<string, string>;
}

/** The file this code runs from (the bundle when bundled), from a V8 stack frame. */
export function thisModuleFile(): string | undefined {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_err, frames) => frames;
    const frames = new Error().stack as unknown as NodeJS.CallSite[] | undefined;
    const name = Array.isArray(frames) ? frames[0]?.getFileName() : undefined;
    if (!name) return undefined;
    return name.startsWith('file:') ? fileURLToPath(name) : name;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = original;
  }
}

const hasManifest = (dir: string) => fs.existsSync(path.join(dir, 'manifest.json'));

function buildFromSource(root: string, outDir: string): Promise<void> {
  const script = path.join(root, 'scripts', 'build-sandbox.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, '--if-needed', '--quiet', '--out', outDir],
      { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 120_000 },
      (err, _stdout, stderr) => (err ? reject(new Error(`building the script sandbox failed: ${stderr.trim() || err.message}`)) : resolve()),
    );
  });
}

/** Where the built sandbox is: a folder with its files, or the project root to build it from (from source). */
function whereSandbox(): { dir: string } | { buildFrom: string } {
  const override = process.env.COURIER_SANDBOX_DIR;
  if (override) {
    if (hasManifest(override)) return { dir: override };
    throw new Error(`COURIER_SANDBOX_DIR=${override} has no manifest.json (run node scripts/build-sandbox.mjs --out ${override})`);
  }
  const file = thisModuleFile();
  if (file) {
    const here = path.dirname(file);
    if (/[\\/]electron[\\/]services[\\/]scripting$/.test(here)) {
      const root = path.resolve(here, '..', '..', '..');
      if (fs.existsSync(path.join(root, 'scripts', 'build-sandbox.mjs'))) return { buildFrom: root };
    }
    for (const dir of [path.join(here, 'sandbox'), path.join(here, '..', 'sandbox')]) if (hasManifest(dir)) return { dir };
  }
  // Last resort: a dist/sandbox above the entry script or the working directory.
  for (const anchor of [process.argv[1], process.cwd()]) {
    let dir = anchor ? path.resolve(anchor) : '';
    for (let i = 0; dir && i < 8; i++) {
      const candidate = path.join(dir, 'dist', 'sandbox');
      if (hasManifest(candidate)) return { dir: candidate };
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('The script sandbox is not built: run `node scripts/build.mjs` (it writes dist/sandbox)');
}

function readSandboxFiles(dir: string): SandboxFiles {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  const manifest = JSON.parse(read('manifest.json')) as Manifest;
  const libs = Object.fromEntries(Object.entries(manifest.libs).map(([name, file]) => [name, read(file)]));
  return { dir, worker: read(manifest.worker), prelude: read(manifest.prelude), libs };
}

let loading: Promise<SandboxFiles> | undefined;
let loaded: SandboxFiles | undefined;

/**
 * The sandbox sources at once, when they need no build (bundled, or COURIER_SANDBOX_DIR): read
 * synchronously (about 1.4 MB), so the worker can start before the caller's next synchronous
 * step. Undefined when running from source, or when they cannot be found (loadSandboxFiles says why).
 */
export function sandboxFilesNow(): SandboxFiles | undefined {
  if (loaded) return loaded;
  if (loading) return undefined;
  try {
    const where = whereSandbox();
    if (!('dir' in where)) return undefined;
    loaded = readSandboxFiles(where.dir);
    loading = Promise.resolve(loaded);
    return loaded;
  } catch {
    return undefined;
  }
}

/** The sandbox sources, read once per process (built first when running from source). */
export function loadSandboxFiles(): Promise<SandboxFiles> {
  loading ??= (async () => {
    const where = whereSandbox();
    let dir: string;
    if ('dir' in where) dir = where.dir;
    else {
      dir = path.join(where.buildFrom, 'node_modules', '.cache', 'courier-sandbox');
      await buildFromSource(where.buildFrom, dir);
    }
    loaded = readSandboxFiles(dir);
    return loaded;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
