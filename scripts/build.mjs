// Builds everything `npm start`, the CLI and the packaged app need into dist/:
//   dist/electron/main.cjs, dist/electron/preload.cjs  (Electron main + sandboxed preload)
//   dist/web-host.mjs                                  (the web host, where Electron is absent)
//   dist/cli.mjs, dist/cli-chunks/                     (npx courier …; a chunk per command)
//   dist/renderer/                                     (the UI, built by Vite)
//   dist/sandbox/, dist/server.mjs                     (the script sandbox; the embedded billing server)
// `node scripts/build.mjs --if-needed` skips the work when dist/ is newer than every source file.
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const SOURCES = ['shared', 'electron', 'renderer', 'server', 'package.json', 'package-lock.json'];
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

export function isBuildFresh() {
  return isFresh(stamp, SOURCES.map((s) => path.join(root, s)));
}

export async function build({ quiet = false } = {}) {
  const log = quiet ? () => {} : (m) => console.log(m);
  const started = Date.now();
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    define: { __COURIER_VERSION__: JSON.stringify(pkg.version) },
    // Native and heavy runtime packages stay in node_modules.
    packages: 'external',
  };
  log('build: main process, web host and CLI (esbuild)');
  await Promise.all([
    esbuild({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(dist, 'electron/main.cjs'), format: 'cjs', external: ['electron'] }),
    // The sandboxed preload cannot require packages: bundle everything but electron itself.
    esbuild({ ...common, packages: undefined, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(dist, 'electron/preload.cjs'), format: 'cjs', external: ['electron'] }),
    esbuild({ ...common, entryPoints: [path.join(root, 'electron/web-host/main.ts')], outfile: path.join(dist, 'web-host.mjs'), format: 'esm' }),
    // The CLI is split: each command's code (and the packages it imports) loads when it runs.
    fs.promises.rm(path.join(dist, 'cli-chunks'), { recursive: true, force: true }).then(() =>
      esbuild({
        ...common,
        entryPoints: { cli: path.join(root, 'electron/cli/main.ts') },
        outdir: dist,
        splitting: true,
        chunkNames: 'cli-chunks/[name]-[hash]',
        outExtension: { '.js': '.mjs' },
        format: 'esm',
      }),
    ),
    import('./build-sandbox.mjs').then((m) => m.buildSandbox({ outDir: path.join(dist, 'sandbox'), quiet })),
    // The billing server the app runs as a child process when no team server is configured (§5).
    import('./server.mjs').then((m) => m.buildServerBundle()),
  ]);
  log('build: renderer (vite)');
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  fs.writeFileSync(stamp, new Date().toISOString());
  log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifNeeded = process.argv.includes('--if-needed');
  if (ifNeeded && isBuildFresh()) {
    console.log('build: up to date');
  } else {
    build().catch((err) => {
      console.error(`build failed: ${err.message ?? err}`);
      process.exit(1);
    });
  }
}
