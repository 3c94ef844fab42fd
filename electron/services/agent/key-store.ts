// Where the model provider's API key lives (DESIGN.md §7). One owner-only file under COURIER_HOME
// (mode 0600, in a 0700 folder). In Electron, main.ts passes an Encryptor backed by safeStorage
// (the OS keychain), so the file holds only ciphertext; in the web host and the CLI the file holds
// the key itself, readable by its owner only. The key never leaves the main process: the UI gets
// maskKey()'s first-4…last-4, and nothing here logs it.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';

export interface Encryptor {
  /** e.g. Electron's safeStorage.encryptString / decryptString. */
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

export interface KeyStore {
  get(): string | null;
  set(key: string | null): void;
}

export const KEY_FILE = path.join('secrets', 'ai-provider-key');

interface KeyFile {
  v: 1;
  encrypted: boolean;
  data: string;
}

export function createFileKeyStore(home: string, encryptor?: Encryptor): KeyStore {
  const file = path.join(home, KEY_FILE);
  return {
    get() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
      let parsed: KeyFile;
      try {
        parsed = JSON.parse(text) as KeyFile;
      } catch {
        throw new AppError('INTERNAL', `The stored AI key (${file}) is damaged; set the key again in Settings → AI.`);
      }
      if (!parsed.encrypted) return parsed.data;
      if (!encryptor) throw new AppError('INTERNAL', 'The stored AI key was encrypted by the desktop app; set the key again here (or pass --api-key).');
      try {
        return encryptor.decrypt(Buffer.from(parsed.data, 'base64'));
      } catch {
        throw new AppError('INTERNAL', 'The stored AI key could not be decrypted by this system; set the key again in Settings → AI.');
      }
    },
    set(key) {
      if (key === null) {
        fs.rmSync(file, { force: true });
        return;
      }
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const body: KeyFile = encryptor
        ? { v: 1, encrypted: true, data: encryptor.encrypt(key).toString('base64') }
        : { v: 1, encrypted: false, data: key };
      // Written to a temporary owner-only file first, then renamed: never a moment world-readable.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
      fs.chmodSync(tmp, 0o600);
      fs.renameSync(tmp, file);
    },
  };
}

/** A key given for one run (`courier agent --api-key`), never stored. */
export function fixedKeyStore(key: string | null): KeyStore {
  return {
    get: () => key,
    set: () => {
      throw new AppError('BAD_INPUT', 'This key was given on the command line and is not stored.');
    },
  };
}
