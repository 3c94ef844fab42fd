// Files the user attaches to request bodies, copied into the workspace's `files/` folder.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { childPath, sanitizeFileName } from './safe-path.js';

export const FILES_FOLDER = 'files';

/** Saves a file the user picked under `${home}/files/<uuid>-<sanitised name>`. */
export function storeFile(home: string, name: string, bytes: Buffer): { path: string; name: string; size: number } {
  const dir = path.join(home, FILES_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  const safe = sanitizeFileName(name);
  const file = childPath(dir, `${randomUUID()}-${safe}`);
  fs.writeFileSync(file, bytes, { flag: 'wx' });
  return { path: file, name: safe, size: bytes.length };
}
