// The CLI bundled the way scripts/build.mjs bundles it, into node_modules/.cache (so dist/, which
// other tests use, is never rebuilt under them), for tests that run `courier …` as a real process.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles electron/cli/main.ts into node_modules/.cache/<cacheName>/cli.mjs and answers its path. */
export async function bundleCli(cacheName: string): Promise<string> {
  const outfile = path.join(REPO_ROOT, 'node_modules', '.cache', cacheName, 'cli.mjs');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'electron/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __COURIER_VERSION__: JSON.stringify('test') },
  });
  return outfile;
}
