// Variable resolution as Postman does it: `{{name}}` looked up through the scopes from the
// narrowest (local) to the widest (global); `{{$dynamic}}` variables generated per occurrence.
// Pure: no Node or DOM APIs beyond the Web Crypto `randomUUID` both runtimes have.
import type { Variable } from './model.js';

/** Scope names, widest first: global < collection < environment < data < local. */
export const SCOPE_ORDER = ['global', 'collection', 'environment', 'data', 'local'] as const;
export type ScopeName = (typeof SCOPE_ORDER)[number];

export type Scopes = Partial<Record<ScopeName, Variable[] | Record<string, string>>>;

const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;
/** Postman resolves nested references a bounded number of times. */
const MAX_DEPTH = 10;

export interface Resolution {
  value: string;
  /** Names that no scope defines (dynamic names included when unknown). */
  unresolved: string[];
}

/** Flattens the scopes into one lookup map, narrower scopes winning. Disabled variables are ignored. */
export function flattenScopes(scopes: Scopes): Map<string, string> {
  const map = new Map<string, string>();
  for (const scope of SCOPE_ORDER) {
    const vars = scopes[scope];
    if (!vars) continue;
    if (Array.isArray(vars)) {
      for (const v of vars) if (v.enabled !== false && v.key) map.set(v.key, v.value);
    } else {
      for (const [k, v] of Object.entries(vars)) map.set(k, v);
    }
  }
  return map;
}

export interface ResolveOptions {
  /** Overrides for dynamic variable generation (tests). */
  now?: () => Date;
  random?: () => number;
}

/** Replaces every `{{name}}` in `text`; unknown names are left as written and reported. */
export function resolveString(text: string, lookup: Map<string, string>, options: ResolveOptions = {}): Resolution {
  const unresolved = new Set<string>();
  let current = text;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let replaced = false;
    current = current.replace(VARIABLE, (whole, rawName: string) => {
      const name = rawName.trim();
      if (lookup.has(name)) {
        replaced = true;
        return lookup.get(name)!;
      }
      if (name.startsWith('$')) {
        const generated = dynamicVariable(name, options);
        if (generated !== undefined) {
          replaced = true;
          return generated;
        }
      }
      unresolved.add(name);
      return whole;
    });
    if (!replaced) break;
    unresolved.clear();
  }
  // A final pass collects what is still unresolved after nesting settled.
  for (const m of current.matchAll(VARIABLE)) unresolved.add(m[1].trim());
  return { value: current, unresolved: [...unresolved] };
}

/** The `{{name}}` references in a string with their positions, for highlighting in the URL bar. */
export function findReferences(text: string): { name: string; start: number; end: number }[] {
  const refs: { name: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    refs.push({ name: m[1].trim(), start: m.index!, end: m.index! + m[0].length });
  }
  return refs;
}

export function isKnownVariable(name: string, lookup: Map<string, string>): boolean {
  return lookup.has(name) || (name.startsWith('$') && DYNAMIC_NAMES.has(name));
}

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Radia', 'Tim'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Perlman', 'Lee'];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const COLORS = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow', 'black', 'white', 'orange', 'purple'];
const CITIES = ['Paris', 'Lagos', 'Tokyo', 'Lima', 'Oslo', 'Nairobi', 'Austin', 'Seoul', 'Porto', 'Perth'];
const COUNTRIES = ['France', 'Nigeria', 'Japan', 'Peru', 'Norway', 'Kenya', 'United States', 'Korea', 'Portugal', 'Australia'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
const HEX = '0123456789abcdef';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

type Generator = (ctx: { now: Date; random: () => number }) => string;

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)];
const int = (min: number, max: number, random: () => number) => Math.floor(random() * (max - min + 1)) + min;
const chars = (alphabet: string, n: number, random: () => number) =>
  Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

function uuid(random: () => number): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID && random === Math.random) return c.randomUUID();
  const h = chars(HEX, 32, random).split('');
  h[12] = '4';
  h[16] = HEX[(parseInt(h[16], 16) & 0x3) | 0x8];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The dynamic variables Postman scripts and requests use most. */
export const DYNAMIC_VARIABLES: Record<string, { description: string; generate: Generator }> = {
  $guid: { description: 'A v4 UUID', generate: ({ random }) => uuid(random) },
  $randomUUID: { description: 'A v4 UUID', generate: ({ random }) => uuid(random) },
  $timestamp: { description: 'Unix time in seconds', generate: ({ now }) => String(Math.floor(now.getTime() / 1000)) },
  $isoTimestamp: { description: 'ISO 8601 time, UTC', generate: ({ now }) => now.toISOString() },
  $randomInt: { description: 'An integer from 0 to 1000', generate: ({ random }) => String(int(0, 1000, random)) },
  $randomBoolean: { description: 'true or false', generate: ({ random }) => String(random() < 0.5) },
  $randomAlphaNumeric: { description: 'One letter or digit', generate: ({ random }) => chars(ALNUM, 1, random) },
  $randomHexColor: { description: 'A colour such as #a1b2c3', generate: ({ random }) => '#' + chars(HEX, 6, random) },
  $randomColor: { description: 'A colour name', generate: ({ random }) => pick(COLORS, random) },
  $randomFirstName: { description: 'A first name', generate: ({ random }) => pick(FIRST_NAMES, random) },
  $randomLastName: { description: 'A last name', generate: ({ random }) => pick(LAST_NAMES, random) },
  $randomFullName: {
    description: 'A first and last name',
    generate: ({ random }) => `${pick(FIRST_NAMES, random)} ${pick(LAST_NAMES, random)}`,
  },
  $randomUserName: {
    description: 'A user name',
    generate: ({ random }) => `${pick(FIRST_NAMES, random).toLowerCase()}${int(1, 999, random)}`,
  },
  $randomEmail: {
    description: 'An email address',
    generate: ({ random }) =>
      `${pick(FIRST_NAMES, random).toLowerCase()}.${pick(LAST_NAMES, random).toLowerCase()}@${pick(DOMAINS, random)}`,
  },
  $randomPassword: { description: '15 letters and digits', generate: ({ random }) => chars(ALNUM, 15, random) },
  $randomWord: { description: 'A word', generate: ({ random }) => pick(WORDS, random) },
  $randomWords: {
    description: 'A few words',
    generate: ({ random }) => Array.from({ length: int(2, 5, random) }, () => pick(WORDS, random)).join(' '),
  },
  $randomCity: { description: 'A city', generate: ({ random }) => pick(CITIES, random) },
  $randomCountry: { description: 'A country', generate: ({ random }) => pick(COUNTRIES, random) },
  $randomIP: {
    description: 'An IPv4 address',
    generate: ({ random }) => Array.from({ length: 4 }, () => int(0, 255, random)).join('.'),
  },
  $randomIPV6: {
    description: 'An IPv6 address',
    generate: ({ random }) => Array.from({ length: 8 }, () => chars(HEX, 4, random)).join(':'),
  },
  $randomPhoneNumber: {
    description: 'A phone number',
    generate: ({ random }) => `${int(200, 999, random)}-${int(200, 999, random)}-${int(1000, 9999, random)}`,
  },
  $randomPrice: { description: 'A price such as 123.45', generate: ({ random }) => (int(100, 100000, random) / 100).toFixed(2) },
  $randomUrl: { description: 'A URL', generate: ({ random }) => `https://${pick(WORDS, random)}.${pick(DOMAINS, random)}` },
  $randomDomainName: { description: 'A domain name', generate: ({ random }) => `${pick(WORDS, random)}.${pick(DOMAINS, random)}` },
  $randomDateFuture: {
    description: 'A date within a year from now',
    generate: ({ now, random }) => new Date(now.getTime() + int(1, 365, random) * 86_400_000).toUTCString(),
  },
  $randomDatePast: {
    description: 'A date within the last year',
    generate: ({ now, random }) => new Date(now.getTime() - int(1, 365, random) * 86_400_000).toUTCString(),
  },
  $randomDateRecent: {
    description: 'A date within the last few days',
    generate: ({ now, random }) => new Date(now.getTime() - int(1, 5, random) * 86_400_000).toUTCString(),
  },
  $randomLoremWord: { description: 'A lorem ipsum word', generate: ({ random }) => pick(['lorem', 'ipsum', 'dolor', 'sit', 'amet'], random) },
  $randomLoremSentence: {
    description: 'A lorem ipsum sentence',
    generate: () => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
  },
};

const DYNAMIC_NAMES = new Set(Object.keys(DYNAMIC_VARIABLES));

export function dynamicVariable(name: string, options: ResolveOptions = {}): string | undefined {
  const entry = DYNAMIC_VARIABLES[name];
  if (!entry) return undefined;
  return entry.generate({ now: options.now?.() ?? new Date(), random: options.random ?? Math.random });
}
