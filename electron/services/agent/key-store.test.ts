import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyStore, KEY_FILE, type Encryptor } from './key-store.js';

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-keys-'));
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

// Stands in for Electron's safeStorage (only main.ts may import electron): a reversible cipher.
const rot: Encryptor = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (cipher) => Buffer.from(cipher.map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('key store', () => {
  it('keeps the key in an owner-only file in an owner-only folder', () => {
    const store = createFileKeyStore(home);
    expect(store.get()).toBeNull();
    store.set('sk-plain-000111222333');
    expect(store.get()).toBe('sk-plain-000111222333');
    expect(fs.statSync(path.join(home, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(path.join(home, KEY_FILE))).mode & 0o777).toBe(0o700);
    store.set(null);
    expect(store.get()).toBeNull();
  });

  it('with an encryptor the file holds only ciphertext', () => {
    const store = createFileKeyStore(home, rot);
    store.set('sk-secret-abcdefghijkl');
    expect(fs.readFileSync(path.join(home, KEY_FILE), 'utf8')).not.toContain('sk-secret-abcdefghijkl');
    expect(store.get()).toBe('sk-secret-abcdefghijkl');
    expect(() => createFileKeyStore(home).get()).toThrow(/encrypted by the desktop app/);
  });

  it('says what to do with a damaged file or one this system cannot decrypt', () => {
    createFileKeyStore(home).set('x-key-12345678');
    fs.writeFileSync(path.join(home, KEY_FILE), '{oops');
    expect(() => createFileKeyStore(home).get()).toThrow(/damaged; set the key again/);
    const failing: Encryptor = { encrypt: rot.encrypt, decrypt: () => { throw new Error('keychain locked'); } };
    createFileKeyStore(home, rot).set('y-key-12345678');
    expect(() => createFileKeyStore(home, failing).get()).toThrow(/could not be decrypted/);
  });
});
