// Where the billing server's code is, for running it as a child process (electron/ may not import
// server/): from a checkout, scripts/server.mjs (which rebuilds dist/server.mjs when stale); in a
// built or packaged app, dist/server.mjs. Found by walking up from this module, the entry script and
// the working directory. COURIER_BILLING_SERVER (a path to either file) overrides.
import fs from 'node:fs';
import path from 'node:path';
import { thisModuleFile } from '../scripting/locate.js';

export type ServerEntry = { kind: 'script'; file: string } | { kind: 'bundle'; file: string };

function entryFor(file: string): ServerEntry {
  return { kind: file.endsWith(path.join('scripts', 'server.mjs')) ? 'script' : 'bundle', file };
}

export function locateServerEntry(env: NodeJS.ProcessEnv = process.env): ServerEntry {
  if (env.COURIER_BILLING_SERVER) {
    const file = path.resolve(env.COURIER_BILLING_SERVER);
    if (!fs.existsSync(file)) throw new Error(`COURIER_BILLING_SERVER=${file} does not exist`);
    return entryFor(file);
  }
  const anchors = [thisModuleFile(), process.argv[1], process.cwd()].filter((a): a is string => !!a);
  for (const anchor of anchors) {
    let dir = path.resolve(anchor);
    for (let i = 0; i < 8; i++) {
      for (const candidate of [path.join(dir, 'scripts', 'server.mjs'), path.join(dir, 'dist', 'server.mjs')]) {
        if (fs.existsSync(candidate)) return entryFor(candidate);
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('The billing server is not built: run `npm run server -- --help` once, or set COURIER_BILLING_SERVER.');
}

/**
 * The binary that runs the child. Under plain Node: this Node. Inside Electron from a checkout
 * (`npm start`): `node` from PATH, because node_modules' better-sqlite3 is built for Node there.
 * Inside a packaged Electron app: Electron itself as Node (ELECTRON_RUN_AS_NODE), whose native
 * modules were built for it. COURIER_NODE overrides.
 */
export function nodeBinary(entry: ServerEntry, env: NodeJS.ProcessEnv = process.env): string {
  if (env.COURIER_NODE) return env.COURIER_NODE;
  if (!process.versions.electron) return process.execPath;
  return entry.kind === 'script' ? 'node' : process.execPath;
}
