// Builds the script sandbox (electron/services/scripting) into self-contained files:
//   worker.js        the worker_threads entry: SES + the trusted worker code (a script, started
//                    by runtime.ts as an eval worker, so it also works from inside asar)
//   prelude.js       the pm API, chai included, evaluated inside a Compartment
//   lib-<name>.js    one file per library scripts may require(), evaluated on first use
//   manifest.json    the list above, written last
// Every file but worker.js is `(function (module, exports, require) {…})`, evaluated by the worker
// inside a Compartment. SES refuses sources containing `<!--`, `-->` or `import(` anywhere, and
// some libraries have them inside string literals: those are escaped (`<\x21--`), which keeps the
// value, and the result is parsed again to prove it is still valid JavaScript.
//
// `node scripts/build-sandbox.mjs [--out dir] [--if-needed]` (default dir: dist/sandbox).
// scripts/build.mjs calls buildSandbox(); runtime.ts runs this script itself when it runs from
// source (vitest), into node_modules/.cache/courier-sandbox.
import { build, transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'electron/services/scripting');

const reexport = (spec) => `module.exports = require(${JSON.stringify(spec)});`;

/** require() name → the entry bundled for it. */
export const LIBRARIES = {
  lodash: reexport('lodash'),
  moment: reexport('moment'),
  uuid: reexport('uuid'),
  'crypto-js': reexport('crypto-js'),
  // Postman's Ajv 6 validates formats (email, date-time, …); Ajv 8 needs ajv-formats for that.
  ajv: "const Ajv = require('ajv'); const addFormats = require('ajv-formats'); module.exports = { Ajv: Ajv.default || Ajv, addFormats: addFormats.default || addFormats };",
  tv4: reexport('tv4'),
  cheerio: reexport('cheerio'),
  xml2js: reexport('xml2js'),
  buffer: reexport('buffer'),
};

const SOURCES = [src, path.join(root, 'scripts/build-sandbox.mjs'), path.join(root, 'package-lock.json')];

export function isSandboxFresh(outDir = path.join(root, 'dist/sandbox')) {
  const st = fs.statSync(path.join(outDir, 'manifest.json'), { throwIfNoEntry: false });
  return !!st && st.mtimeMs >= newestMtime(SOURCES);
}

const SES_PATTERN = /<!--|-->|\bimport(?=\s*(?:\(|\/[/*]))/g;

/** Escapes SES's forbidden sequences; esbuild prints them only inside literals, never as code. */
async function sesSafe(code, name) {
  if (!/<!--|-->|\bimport\s*(?:\(|\/[/*])/.test(code)) return code;
  const safe = code.replace(SES_PATTERN, (m) => (m === '<!--' ? '<\\x21--' : m === '-->' ? '--\\x3E' : '\\x69mport'));
  try {
    await transform(safe, { loader: 'js', logLevel: 'silent' });
  } catch (err) {
    throw new Error(`sandbox: ${name} has "<!--", "-->" or "import(" outside a string literal; SES would reject it (${err.message})`);
  }
  return safe;
}

const wrap = (code) => `(function (module, exports, require) {\n'use strict';\n${code}\n})`;

async function bundle(options) {
  const r = await build({ bundle: true, write: false, logLevel: 'silent', legalComments: 'none', charset: 'utf8', ...options });
  return r.outputFiles[0].text;
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export async function buildSandbox({ outDir = path.join(root, 'dist/sandbox'), quiet = false } = {}) {
  const log = quiet ? () => {} : (m) => console.log(m);
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const shims = { events: path.join(src, 'libs/events.cjs'), timers: path.join(src, 'libs/timers.cjs') };
  const browser = {
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    minify: true,
    mainFields: ['browser', 'module', 'main'],
    alias: shims,
    // Optional Node modules the libraries probe for inside try/catch: require() throws in the sandbox.
    external: ['stream', 'string_decoder', 'crypto', 'fs', 'path'],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const outputs = {};
  // An IIFE: an eval worker runs a script, whose top-level declarations would be globals.
  outputs['worker.js'] = await bundle({
    entryPoints: [path.join(src, 'worker/main.ts')],
    platform: 'node',
    format: 'iife',
    target: 'node20',
    banner: { js: "'use strict';" },
  });
  outputs['prelude.js'] = wrap(await sesSafe(await bundle({ ...browser, minify: false, entryPoints: [path.join(src, 'pm/index.ts')] }), 'the pm prelude'));
  await Promise.all(
    Object.entries(LIBRARIES).map(async ([name, entry]) => {
      const code = await bundle({ ...browser, stdin: { contents: entry, resolveDir: root, loader: 'js' } });
      outputs[`lib-${name}.js`] = wrap(await sesSafe(code, name));
    }),
  );
  for (const [file, text] of Object.entries(outputs)) writeAtomic(path.join(outDir, file), text);
  const manifest = { builtAt: new Date().toISOString(), worker: 'worker.js', prelude: 'prelude.js', libs: Object.fromEntries(Object.keys(LIBRARIES).map((n) => [n, `lib-${n}.js`])) };
  writeAtomic(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const kb = Math.round(Object.values(outputs).reduce((n, t) => n + t.length, 0) / 1024);
  log(`build: script sandbox (${Object.keys(outputs).length} files, ${kb} KB) in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 ? path.resolve(args[outAt + 1]) : undefined;
  if (args.includes('--if-needed') && isSandboxFresh(outDir)) {
    if (!args.includes('--quiet')) console.log('build: script sandbox up to date');
  } else {
    buildSandbox({ outDir, quiet: args.includes('--quiet') }).catch((err) => {
      console.error(`build failed: ${err.message ?? err}`);
      process.exit(1);
    });
  }
}
