import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateServerEntry, nodeBinary } from './server-bundle.js';

describe('locating the billing server for the embedded child process', () => {
  it('finds scripts/server.mjs in a checkout (it rebuilds dist/server.mjs when stale)', () => {
    const entry = locateServerEntry({});
    expect(entry.kind).toBe('script');
    expect(fs.existsSync(entry.file)).toBe(true);
    expect(entry.file.endsWith(path.join('scripts', 'server.mjs'))).toBe(true);
    expect(nodeBinary(entry, {})).toBe(process.execPath);
  });

  it('takes COURIER_BILLING_SERVER as given, and names it when the file is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bundle-'));
    const bundle = path.join(dir, 'server.mjs');
    fs.writeFileSync(bundle, '');
    expect(locateServerEntry({ COURIER_BILLING_SERVER: bundle })).toEqual({ kind: 'bundle', file: bundle });
    expect(() => locateServerEntry({ COURIER_BILLING_SERVER: path.join(dir, 'missing.mjs') })).toThrow(/COURIER_BILLING_SERVER=.*missing\.mjs does not exist/);
    expect(nodeBinary({ kind: 'bundle', file: bundle }, { COURIER_NODE: '/opt/node' })).toBe('/opt/node');
  });
});
