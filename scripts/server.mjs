// npm run server [-- init … | close-cycles …]: the team billing server (DESIGN §3, §6).
// Bundles server/main.ts with esbuild into dist/server.mjs when that file is missing or older than
// any source under server/ or shared/, then runs it in this process with the same arguments.
// The bundle is written to a temporary file and renamed, so concurrent starts never see half a file.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isFresh } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'server/main.ts');
const outfile = path.join(root, 'dist/server.mjs');

export function isServerBundleFresh() {
  return isFresh(outfile, [path.join(root, 'server'), path.join(root, 'shared')]);
}

export async function buildServerBundle() {
  const tmp = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  fs.renameSync(tmp, outfile);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (!isServerBundleFresh()) await buildServerBundle();
  await import(pathToFileURL(outfile).href);
}
