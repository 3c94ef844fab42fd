#!/usr/bin/env node
// `npx courier …`: runs the built CLI, building it first when dist/ is missing or stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.mjs');
const buildScript = path.join(root, 'scripts', 'build.mjs');
if (fs.existsSync(buildScript)) {
  const { build, isBuildFresh } = await import(pathToFileURL(buildScript).href);
  if (!isBuildFresh()) await build({ quiet: true });
}
await import(pathToFileURL(cli).href);
