// When a build output is stale: the newest modification time under a set of source paths.
import fs from 'node:fs';
import path from 'node:path';

/** The newest mtime (ms) of any file under `paths` (files or folders), skipping node_modules. */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') walk(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) walk(p);
  return newest;
}

/** True when `output` exists and is at least as new as every file under `sources`. */
export function isFresh(output, sources) {
  const st = fs.statSync(output, { throwIfNoEntry: false });
  return !!st && st.mtimeMs >= newestMtime(sources);
}
