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

async function findSandboxDir(): Promise<string> {
  const override = process.env.COURIER_SANDBOX_DIR;
  if (override) {
    if (hasManifest(override)) return override;
    throw new Error(`COURIER_SANDBOX_DIR=${override} has no manifest.json (run node scripts/build-sandbox.mjs --out ${override})`);
  }
  const file = thisModuleFile();
  if (file) {
    const here = path.dirname(file);
    if (/[\\/]electron[\\/]services[\\/]scripting$/.test(here)) {
      const root = path.resolve(here, '..', '..', '..');
      if (fs.existsSync(path.join(root, 'scripts', 'build-sandbox.mjs'))) {
        const out = path.join(root, 'node_modules', '.cache', 'courier-sandbox');
        await buildFromSource(root, out);
        return out;
      }
    }
    for (const dir of [path.join(here, 'sandbox'), path.join(here, '..', 'sandbox')]) if (hasManifest(dir)) return dir;
  }
  // Last resort: a dist/sandbox above the entry script or the working directory.
  for (const anchor of [process.argv[1], process.cwd()]) {
    let dir = anchor ? path.resolve(anchor) : '';
    for (let i = 0; dir && i < 8; i++) {
      const candidate = path.join(dir, 'dist', 'sandbox');
      if (hasManifest(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('The script sandbox is not built: run `node scripts/build.mjs` (it writes dist/sandbox)');
}

let loading: Promise<SandboxFiles> | undefined;

/** The sandbox sources, read once per process. */
export function loadSandboxFiles(): Promise<SandboxFiles> {
  loading ??= (async () => {
    const dir = await findSandboxDir();
    const read = (name: string) => fs.promises.readFile(path.join(dir, name), 'utf8');
    const manifest = JSON.parse(await read('manifest.json')) as Manifest;
    const [worker, prelude, ...libTexts] = await Promise.all([read(manifest.worker), read(manifest.prelude), ...Object.values(manifest.libs).map(read)]);
    const libs = Object.fromEntries(Object.keys(manifest.libs).map((name, i) => [name, libTexts[i]]));
    return { dir, worker, prelude, libs };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
