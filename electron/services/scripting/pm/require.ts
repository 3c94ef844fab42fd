// require(name) inside scripts: the libraries Postman scripts use, loaded once per worker and
// frozen (see tame.ts), plus the few per-script ones (tv4 keeps state, so each script gets a
// fresh instance). Anything else — fs, child_process, … — is a clear error.
import type { KitCaps } from '../protocol.js';
import { atob, btoa } from './base64.js';
import { chai } from './expect.js';
import { hardenTolerant } from './tame.js';

export const LIBRARIES = ['lodash', 'moment', 'uuid', 'crypto-js', 'ajv', 'tv4', 'cheerio', 'xml2js', 'chai', 'atob', 'btoa', 'buffer'] as const;

type AjvLike = new (options?: Record<string, unknown>) => object;
type LodashLike = ((value: unknown) => unknown) & Record<string, unknown>;

/** lodash 3 names Postman's legacy `_` global has (it is lodash 3 there) that lodash 4 dropped. */
const LODASH3_NAMES: Record<string, string> = {
  contains: 'includes',
  include: 'includes',
  pluck: 'map',
  where: 'filter',
  findWhere: 'find',
  any: 'some',
  all: 'every',
  collect: 'map',
  detect: 'find',
  foldl: 'reduce',
  foldr: 'reduceRight',
  inject: 'reduce',
  select: 'filter',
  methods: 'functions',
  object: 'zipObject',
  unique: 'uniq',
  indexBy: 'keyBy',
  trunc: 'truncate',
  padLeft: 'padStart',
  padRight: 'padEnd',
  sortByAll: 'sortBy',
  backflow: 'flowRight',
  compose: 'flowRight',
};
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
        // Postman ships Ajv 6: lenient about schemas, and formats (email, date-time, …) built in.
        // Ajv 8 is strict by default and needs ajv-formats.
        return memo('ajv', () => {
          const lib = caps.loadLib('ajv') as { Ajv: AjvLike; addFormats: (ajv: object, options: object) => void };
          const Base = lib.Ajv;
          class Ajv extends Base {
            constructor(options: Record<string, unknown> = {}) {
              super({ strict: false, validateSchema: false, ...options });
              lib.addFormats(this, { mode: 'fast' });
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
  /** The `_` global: lodash 4 with the lodash 3 names old scripts use (Postman's `_` is lodash 3). */
  const underscore = () =>
    memo('_', () => {
      const lodash = caps.loadLib('lodash') as LodashLike;
      const _ = function _(value: unknown) {
        return lodash(value);
      } as LodashLike;
      for (const key of Object.keys(lodash)) Object.defineProperty(_, key, { value: lodash[key], writable: true, enumerable: true, configurable: true });
      for (const [old, now] of Object.entries(LODASH3_NAMES)) {
        if (!(old in _)) Object.defineProperty(_, old, { value: lodash[now], writable: true, enumerable: true, configurable: true });
      }
      Object.defineProperty(_, 'prototype', { value: lodash.prototype });
      return hardenTolerant(_);
    });
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
    underscore,
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
