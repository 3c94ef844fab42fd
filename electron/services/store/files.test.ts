// Stored files, through the Workspace facade (files.ts, safe-path.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_FILE } from './workspace.js';
import { dir, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('files', () => {
  it('stores files inside the files folder whatever their name', () => {
    const filesDir = path.join(dir, 'files');
    const names = ['photo.png', '../../etc/passwd', 'a/b', 'evil\u0000.txt', '..', '', 'C:\\Windows\\x.dll', '.hidden'];
    for (const name of names) {
      const stored = ws.storeFile(name, Buffer.from(`bytes of ${name}`));
      expect(path.dirname(stored.path)).toBe(filesDir);
      expect(path.basename(stored.path)).toMatch(/^[0-9a-f-]{36}-/);
      expect(stored.name).not.toMatch(/[/\\\u0000]/);
      expect(stored.name.startsWith('.')).toBe(false);
      expect(stored.size).toBe(Buffer.byteLength(`bytes of ${name}`));
      expect(fs.readFileSync(stored.path, 'utf8')).toBe(`bytes of ${name}`);
    }
    expect(ws.storeFile('../../etc/passwd', Buffer.alloc(0)).name).toBe('passwd');
    expect(ws.storeFile('a/b', Buffer.alloc(0)).name).toBe('b');
    expect(ws.storeFile('evil\u0000.txt', Buffer.alloc(0)).name).toBe('evil.txt');
    expect(fs.readdirSync(dir).sort()).toEqual(['files', WORKSPACE_FILE, `${WORKSPACE_FILE}-shm`, `${WORKSPACE_FILE}-wal`].sort());
  });
});
