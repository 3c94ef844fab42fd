// `courier run` loads only what a run needs: every package it imports is paid for at each start
// (httpsnippet, reached through the docs module, cost ~20 ms of every run until the importer
// stopped needing the docs). A package added here should be one a run cannot do without.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The packages the run command's module graph imports (Node's built-ins left out). */
async function packagesOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, outdir: path.join(here, '.imports-test'), logLevel: 'silent' });
  const external = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) for (const imp of input.imports) if (imp.external && !imp.path.startsWith('node:')) external.add(imp.path);
  return [...external].sort();
}

describe('courier run', () => {
  it('imports only the packages a run needs', async () => {
    expect(await packagesOf(path.join(here, 'run.ts'))).toEqual(['better-sqlite3', 'csv-parse/sync', 'postman-collection', 'tough-cookie', 'undici', 'zod']);
  });
});
