import { describe, expect, it } from 'vitest';
import type { Variable } from './model.js';
import {
  DYNAMIC_VARIABLES,
  dynamicVariable,
  findReferences,
  flattenScopes,
  isKnownVariable,
  resolveString,
  SCOPE_ORDER,
} from './variables.js';

const v = (key: string, value: string, enabled = true): Variable => ({ key, value, enabled, secret: false });
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('scopes', () => {
  it('are ordered global < collection < environment < data < local', () => {
    expect(SCOPE_ORDER).toEqual(['global', 'collection', 'environment', 'data', 'local']);
  });

  it('let the narrower scope win, one step at a time', () => {
    const scopes = {
      global: [v('x', 'global'), v('g', 'g')],
      collection: [v('x', 'collection'), v('c', 'c')],
      environment: [v('x', 'environment'), v('e', 'e')],
      data: { x: 'data', d: 'd' },
      local: { x: 'local', l: 'l' },
    };
    const all = flattenScopes(scopes);
    expect(all.get('x')).toBe('local');
    expect([...all.keys()].sort()).toEqual(['c', 'd', 'e', 'g', 'l', 'x']);
    expect(flattenScopes({ ...scopes, local: undefined }).get('x')).toBe('data');
    expect(flattenScopes({ global: scopes.global, collection: scopes.collection, environment: scopes.environment }).get('x')).toBe('environment');
    expect(flattenScopes({ global: scopes.global, collection: scopes.collection }).get('x')).toBe('collection');
    expect(flattenScopes({ global: scopes.global }).get('x')).toBe('global');
    // The order the caller wrote the scopes in does not matter.
    expect(flattenScopes({ local: { x: 'local' }, global: [v('x', 'global')] }).get('x')).toBe('local');
  });

  it('ignore disabled variables, so a wider enabled one shows through', () => {
    const map = flattenScopes({
      global: [v('host', 'global.example')],
      environment: [v('host', 'env.example', false), v('off', 'x', false)],
    });
    expect(map.get('host')).toBe('global.example');
    expect(map.has('off')).toBe(false);
    expect(resolveString('{{off}}', map).unresolved).toEqual(['off']);
  });

  it('treat a variable without enabled as enabled and skip empty keys', () => {
    const map = flattenScopes({ global: [{ key: 'a', value: '1' } as Variable, v('', 'nameless')] });
    expect(map.get('a')).toBe('1');
    expect(map.has('')).toBe(false);
  });
});

describe('resolveString', () => {
  const lookup = flattenScopes({
    global: [v('scheme', 'https'), v('host', 'api.example.com'), v('base', '{{scheme}}://{{host}}')],
    environment: [v('url', '{{base}}/v1'), v('env', 'prod'), v('key_prod', 'secret-p'), v('empty', '')],
  });

  it('replaces known names and leaves text around them alone', () => {
    expect(resolveString('GET {{host}}/x?a=1', lookup)).toEqual({ value: 'GET api.example.com/x?a=1', unresolved: [] });
    expect(resolveString('{{ host }}', lookup).value).toBe('api.example.com');
    expect(resolveString('no variables', lookup)).toEqual({ value: 'no variables', unresolved: [] });
    expect(resolveString('a{{empty}}b', lookup)).toEqual({ value: 'ab', unresolved: [] });
    expect(resolveString('{single} {{host}', lookup).value).toBe('{single} {{host}');
  });

  it('keeps $ patterns in values literal', () => {
    const map = flattenScopes({ global: [v('price', "$& $1 $$ $'")] });
    expect(resolveString('{{price}}', map).value).toBe("$& $1 $$ $'");
  });

  it('follows nested references, including names built from other variables', () => {
    expect(resolveString('{{url}}/users', lookup)).toEqual({ value: 'https://api.example.com/v1/users', unresolved: [] });
    expect(resolveString('{{key_{{env}}}}', lookup)).toEqual({ value: 'secret-p', unresolved: [] });
  });

  it('reports names no scope defines, left as written', () => {
    const r = resolveString('{{base}}/{{missing}}/{{ also_missing }}/{{missing}}', lookup);
    expect(r.value).toBe('https://api.example.com/{{missing}}/{{ also_missing }}/{{missing}}');
    expect(r.unresolved.sort()).toEqual(['also_missing', 'missing']);
    const nested = flattenScopes({ global: [v('a', '{{b}}')] });
    expect(resolveString('{{a}}', nested)).toEqual({ value: '{{b}}', unresolved: ['b'] });
    expect(resolveString('{{$notAThing}}', lookup).unresolved).toEqual(['$notAThing']);
  });

  it('stops on self-reference instead of looping', () => {
    const loop = flattenScopes({ global: [v('a', '{{a}}'), v('b', '{{c}}'), v('c', '{{b}}')] });
    expect(resolveString('{{a}}', loop).value).toBe('{{a}}');
    expect(resolveString('{{b}}', loop).value).toMatch(/^\{\{[bc]\}\}$/);
  });

  it('generates dynamic variables per occurrence, and a defined name wins over a dynamic one', () => {
    const r = resolveString('{{$guid}} {{$guid}}', new Map());
    const [a, b] = r.value.split(' ');
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
    expect(r.unresolved).toEqual([]);
    expect(resolveString('{{$guid}}', new Map([['$guid', 'fixed']])).value).toBe('fixed');
    const now = () => new Date('2026-01-02T03:04:05.678Z');
    expect(resolveString('{{$timestamp}}', new Map(), { now }).value).toBe('1767323045');
  });
});

describe('dynamic variables', () => {
  const now = () => new Date('2026-03-04T05:06:07.089Z');
  const nowMs = now().getTime();
  const DAY = 86_400_000;
  /** A seeded generator so the shapes are checked over many different draws. */
  const seeded = (seed: number) => () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  const shapes: Record<string, (s: string) => void> = {
    $guid: (s) => expect(s).toMatch(UUID_V4),
    $randomUUID: (s) => expect(s).toMatch(UUID_V4),
    $timestamp: (s) => expect(s).toBe(String(Math.floor(nowMs / 1000))),
    $isoTimestamp: (s) => expect(s).toBe('2026-03-04T05:06:07.089Z'),
    $randomInt: (s) => {
      expect(s).toMatch(/^\d+$/);
      expect(Number(s)).toBeGreaterThanOrEqual(0);
      expect(Number(s)).toBeLessThanOrEqual(1000);
    },
    $randomBoolean: (s) => expect(['true', 'false']).toContain(s),
    $randomAlphaNumeric: (s) => expect(s).toMatch(/^[a-z0-9]$/),
    $randomHexColor: (s) => expect(s).toMatch(/^#[0-9a-f]{6}$/),
    $randomColor: (s) => expect(s).toMatch(/^[a-z]+$/),
    $randomFirstName: (s) => expect(s).toMatch(/^[A-Z][a-z]+$/),
    $randomLastName: (s) => expect(s).toMatch(/^[A-Z][a-z]+$/),
    $randomFullName: (s) => expect(s).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/),
    $randomUserName: (s) => expect(s).toMatch(/^[a-z]+\d{1,3}$/),
    $randomEmail: (s) => expect(s).toMatch(/^[a-z]+\.[a-z]+@example\.(com|org|net)$/),
    $randomPassword: (s) => expect(s).toMatch(/^[a-z0-9]{15}$/),
    $randomWord: (s) => expect(s).toMatch(/^[a-z]+$/),
    $randomWords: (s) => expect(s).toMatch(/^[a-z]+( [a-z]+){1,4}$/),
    $randomCity: (s) => expect(s).toMatch(/^[A-Z][a-z]+$/),
    $randomCountry: (s) => expect(s).toMatch(/^[A-Z][A-Za-z ]+$/),
    $randomIP: (s) => {
      expect(s).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
      for (const part of s.split('.')) expect(Number(part)).toBeLessThanOrEqual(255);
    },
    $randomIPV6: (s) => expect(s).toMatch(/^[0-9a-f]{4}(:[0-9a-f]{4}){7}$/),
    $randomPhoneNumber: (s) => expect(s).toMatch(/^[2-9]\d{2}-[2-9]\d{2}-\d{4}$/),
    $randomPrice: (s) => {
      expect(s).toMatch(/^\d+\.\d{2}$/);
      expect(Number(s)).toBeGreaterThanOrEqual(1);
      expect(Number(s)).toBeLessThanOrEqual(1000);
    },
    $randomUrl: (s) => expect(s).toMatch(/^https:\/\/[a-z]+\.example\.(com|org|net)$/),
    $randomDomainName: (s) => expect(s).toMatch(/^[a-z]+\.example\.(com|org|net)$/),
    $randomDateFuture: (s) => {
      const t = Date.parse(s);
      expect(new Date(t).toUTCString()).toBe(s);
      expect(t).toBeGreaterThan(nowMs - 1000);
      expect(t).toBeLessThanOrEqual(nowMs + 365 * DAY);
    },
    $randomDatePast: (s) => {
      const t = Date.parse(s);
      expect(t).toBeLessThan(nowMs);
      expect(t).toBeGreaterThanOrEqual(nowMs - 365 * DAY - 1000);
    },
    $randomDateRecent: (s) => {
      const t = Date.parse(s);
      expect(t).toBeLessThan(nowMs);
      expect(t).toBeGreaterThanOrEqual(nowMs - 5 * DAY - 1000);
    },
    $randomLoremWord: (s) => expect(['lorem', 'ipsum', 'dolor', 'sit', 'amet']).toContain(s),
    $randomLoremSentence: (s) => expect(s).toMatch(/^[A-Z][a-z ,]+\.$/),
  };

  it('has a shape check here for every dynamic variable', () => {
    expect(Object.keys(DYNAMIC_VARIABLES).sort()).toEqual(Object.keys(shapes).sort());
  });

  it.each(Object.keys(shapes))('%s produces the right shape', (name) => {
    for (let seed = 1; seed <= 200; seed++) shapes[name](dynamicVariable(name, { now, random: seeded(seed) })!);
    // Also with the real clock and Math.random (where $guid uses crypto.randomUUID).
    const real = dynamicVariable(name)!;
    expect(typeof real).toBe('string');
    if (name === '$guid' || name === '$randomUUID') expect(real).toMatch(UUID_V4);
    if (name === '$timestamp') expect(Math.abs(Number(real) - Date.now() / 1000)).toBeLessThan(5);
    if (name === '$isoTimestamp') expect(Math.abs(Date.parse(real) - Date.now())).toBeLessThan(5000);
    expect(DYNAMIC_VARIABLES[name].description.length).toBeGreaterThan(0);
  });

  it('covers the edges of the random range', () => {
    expect(dynamicVariable('$randomInt', { random: () => 0 })).toBe('0');
    expect(dynamicVariable('$randomInt', { random: () => 0.9999999 })).toBe('1000');
    expect(dynamicVariable('$guid', { random: () => 0.9999999 })).toMatch(UUID_V4);
    expect(dynamicVariable('$guid', { random: () => 0 })).toMatch(UUID_V4);
    expect(dynamicVariable('$randomIP', { random: () => 0.9999999 })).toBe('255.255.255.255');
  });

  it('answers undefined for an unknown name', () => {
    expect(dynamicVariable('$nope')).toBeUndefined();
    expect(dynamicVariable('guid')).toBeUndefined();
  });
});

describe('references', () => {
  it('finds each {{name}} with its position', () => {
    const text = 'x {{a}} y {{ b c }}';
    expect(findReferences(text)).toEqual([
      { name: 'a', start: 2, end: 7 },
      { name: 'b c', start: 10, end: 19 },
    ]);
    expect(text.slice(2, 7)).toBe('{{a}}');
    expect(findReferences('none')).toEqual([]);
  });

  it('knows defined and dynamic names', () => {
    const map = new Map([['a', '1']]);
    expect(isKnownVariable('a', map)).toBe(true);
    expect(isKnownVariable('$guid', map)).toBe(true);
    expect(isKnownVariable('$nope', map)).toBe(false);
    expect(isKnownVariable('b', map)).toBe(false);
  });
});
