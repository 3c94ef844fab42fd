import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../app-services.js';
import { wholeUtf8Length } from './http.js';

describe('wholeUtf8Length', () => {
  it('cuts before a character split at the end and keeps whole ones', () => {
    const euro = Buffer.from('a€', 'utf8'); // 61 e2 82 ac
    expect(wholeUtf8Length(euro)).toBe(4);
    expect(wholeUtf8Length(euro.subarray(0, 3))).toBe(1);
    expect(wholeUtf8Length(euro.subarray(0, 2))).toBe(1);
    const emoji = Buffer.from('😀', 'utf8'); // 4 bytes
    expect(wholeUtf8Length(emoji.subarray(0, 3))).toBe(0);
    expect(wholeUtf8Length(Buffer.from('plain'))).toBe(5);
  });
});

describe('http.readBodyFile', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-readbody-'));
  const app = createAppServices({ home, host: 'web', version: 'test' });
  afterAll(() => app.close());

  it('reads a saved body in chunks without breaking characters, and nothing outside the responses folder', async () => {
    const dir = path.join(home, 'data', 'responses');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'body.json');
    fs.writeFileSync(file, 'ab€cd');
    const first = await app.handlers['http.readBodyFile']({ path: file, offset: 0, length: 3 });
    expect(first).toEqual({ text: 'ab', bytesRead: 2, size: 7 });
    const second = await app.handlers['http.readBodyFile']({ path: file, offset: 2, length: 5 });
    expect(second.text).toBe('€cd');
    await expect(app.handlers['http.readBodyFile']({ path: path.join(home, 'workspace.sqlite'), offset: 0, length: 10 })).rejects.toThrow(
      'Only saved response bodies can be read',
    );
  });
});
