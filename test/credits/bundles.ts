// Bundles an entry point the way scripts/build.mjs bundles the CLI, into node_modules/.cache (so
// dist/, which other tests use, is never rebuilt under them), for tests that run real processes.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundle(entry: string, name: string): Promise<string> {
  const outfile = path.join(root, 'node_modules', '.cache', 'courier-credits-test', `${name}.${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
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
