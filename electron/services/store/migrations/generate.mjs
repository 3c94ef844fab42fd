// Regenerates index.ts from the .sql files in this folder (the .sql files are the source of truth).
//   node electron/services/store/migrations/generate.mjs
// Why a generated module: the store runs from source (vitest) and bundled by esbuild into the
// Electron main process and the CLI (CommonJS, where `import.meta.url` is empty and the .sql files
// are not shipped). A TS module holding each migration as a string constant works the same in every
// case with no loader or bundler plugin. migrations.test.ts fails when index.ts is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The migration files, in the order they apply (their names start with a date and a number). */
export function readMigrationFiles(dir = here) {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.slice(0, -'.sql'.length), sql: readFileSync(join(dir, f), 'utf8') }));
}

export function renderIndex(files) {
  const entries = files.map((m) => `  {\n    id: ${JSON.stringify(m.id)},\n    sql: ${JSON.stringify(m.sql)},\n  },`);
  return [
    '// GENERATED from the .sql files in this folder by generate.mjs; do not edit by hand.',
    '// After adding or changing a migration run: node electron/services/store/migrations/generate.mjs',
    '',
    'export interface Migration {',
    '  /** The file name without `.sql`; migrations apply in this order and are recorded by it. */',
    '  id: string;',
    '  sql: string;',
    '}',
    '',
    'export const migrations: readonly Migration[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = readMigrationFiles();
  writeFileSync(join(here, 'index.ts'), renderIndex(files));
  console.log(`index.ts: ${files.length} migration(s): ${files.map((f) => f.id).join(', ')}`);
}
