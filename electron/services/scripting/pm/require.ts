// require(name) inside scripts: the libraries Postman scripts use, loaded once per worker and
// frozen (see tame.ts), plus the few per-script ones (tv4 keeps state, so each script gets a
// fresh instance). Anything else — fs, child_process, … — is a clear error.
import type { KitCaps } from '../protocol.js';
import { atob, btoa } from './base64.js';
import { chai } from './expect.js';

export const LIBRARIES = ['lodash', 'moment', 'uuid', 'crypto-js', 'ajv', 'tv4', 'cheerio', 'xml2js', 'chai', 'atob', 'btoa', 'buffer'] as const;

type AjvLike = new (options?: Record<string, unknown>) => object;
interface Tv4 {
  freshApi(): unknown;
}
interface Xml2js {
  parseString(text: string, options: object, cb: (err: unknown, result: unknown) => void): void;
}

export function makeLibraries(caps: KitCaps) {
  const cache = new Map<string, unknown>();
  const memo = (name: string, make: () => unknown) => {
    if (!cache.has(name)) cache.set(name, make());
    return cache.get(name);
  };
  /** Shared (per worker) module values. */
  const shared = (name: string): unknown => {
    switch (name) {
      case 'chai':
        return chai;
      case 'atob':
        return atob;
      case 'btoa':
        return btoa;
      case 'uuid':
        // Postman's require('uuid') is callable (v4) and has .v4 etc.
        return memo('uuid', () => {
          const lib = caps.loadLib('uuid') as Record<string, unknown> & { v4: () => string };
          const uuid = function uuid() {
            return lib.v4();
          };
          for (const key of Object.keys(lib)) Object.defineProperty(uuid, key, { value: lib[key], enumerable: true });
          return harden(uuid);
        });
      case 'ajv':
        // Postman ships Ajv 6; Ajv 8 is strict by default and rejects schemas 6 accepted.
        return memo('ajv', () => {
          const lib = caps.loadLib('ajv') as AjvLike & { default?: AjvLike };
          const Base = (lib.default ?? lib) as AjvLike;
          class Ajv extends Base {
            constructor(options: Record<string, unknown> = {}) {
              super({ strict: false, validateSchema: false, ...options });
            }
          }
          Object.defineProperty(Ajv, 'default', { value: Ajv });
          return harden(Ajv);
        });
      default:
        if ((LIBRARIES as readonly string[]).includes(name)) return caps.loadLib(name);
        throw new Error(`Cannot find module '${name}': scripts can require only ${LIBRARIES.join(', ')}`);
    }
  };
  const xml2Json = (text: unknown): unknown => {
    const xml2js = caps.loadLib('xml2js') as Xml2js;
    let out: unknown = {};
    xml2js.parseString(String(text), { explicitArray: false, async: false, trim: true, mergeAttrs: false }, (_err, result) => {
      out = result;
    });
    return out;
  };
  return {
    shared,
    xml2Json,
    /** A require() for one script (tv4 is per script). */
    forScript() {
      let tv4: unknown;
      const freshTv4 = () => (tv4 ??= (caps.loadLib('tv4') as Tv4).freshApi());
      const require = function require(name: unknown): unknown {
        const n = String(name);
        if (n === 'tv4') return freshTv4();
        return shared(n);
      };
      return { require, tv4: freshTv4 };
    },
  };
}
