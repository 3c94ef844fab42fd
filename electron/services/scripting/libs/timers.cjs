// Node's `timers` for the sandboxed libraries: the sandbox's own (per-script, bounded) timers.
// Bundled in place of the Node built-in by scripts/build-sandbox.mjs.
'use strict';

module.exports = {
  setTimeout: (...args) => globalThis.setTimeout(...args),
  clearTimeout: (id) => globalThis.clearTimeout(id),
  setInterval: (...args) => globalThis.setInterval(...args),
  clearInterval: (id) => globalThis.clearInterval(id),
  setImmediate: (...args) => globalThis.setImmediate(...args),
  clearImmediate: (id) => globalThis.clearImmediate(id),
};
