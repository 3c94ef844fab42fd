// npm test: lint (with the layering rule), typecheck (both tsconfigs: a channel missing from a
// transport fails here), build (the browser tests drive the built app), then every vitest test —
// unit, integration against real loopback servers, PostgreSQL and Playwright/Chromium end to end.
// Ends with one line: `tests: N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args) {
  console.log(`\n== ${name}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`!! ${name} failed (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
}

step('lint (eslint, layering rule)', bin('eslint'), ['.', '--max-warnings=0']);
step('typecheck (main process, shared, server, tests)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck (renderer)', bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
const built = step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
if (!built) console.log('!! the browser tests will fail: the app did not build');

const report = path.join(root, '.tmp', 'vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
console.log('\n== vitest');
const v = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A file that failed to load has no tests counted: count it as a failure.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failed += brokenFiles;
  if (v.status !== 0 && r.numFailedTests === 0 && brokenFiles === 0) failed++;
} else {
  failed++;
  console.log(`!! vitest wrote no report (exit ${v.status ?? v.signal})`);
}

console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
