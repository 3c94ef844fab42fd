import { describe, expect, it } from 'vitest';
import type { KeyValue } from './model.js';
import { encodeUrlForWire, parseQuery, splitUrl, syncParamsFromUrl, withDefaultScheme, withQuery } from './url.js';

const kv = (key: string, value: string, enabled = true, description?: string): KeyValue =>
  description === undefined ? { key, value, enabled } : { key, value, enabled, description };

describe('splitUrl', () => {
  it('splits base, query and fragment', () => {
    expect(splitUrl('https://x.test/a?b=1&c=2#frag')).toEqual({ base: 'https://x.test/a', query: 'b=1&c=2', hash: '#frag' });
    expect(splitUrl('https://x.test/a')).toEqual({ base: 'https://x.test/a', query: null, hash: '' });
    expect(splitUrl('https://x.test/a?')).toEqual({ base: 'https://x.test/a', query: '', hash: '' });
    expect(splitUrl('https://x.test/#/route?x=1')).toEqual({ base: 'https://x.test/', query: null, hash: '#/route?x=1' });
    expect(splitUrl('')).toEqual({ base: '', query: null, hash: '' });
  });

  it('does not split on ? # & inside {{variables}}', () => {
    expect(splitUrl('{{base?}}/a')).toEqual({ base: '{{base?}}/a', query: null, hash: '' });
    expect(splitUrl('{{host}}/a?q={{a?b#c}}#f')).toEqual({ base: '{{host}}/a', query: 'q={{a?b#c}}', hash: '#f' });
  });
});

describe('parseQuery', () => {
  it('turns the query into rows, values as typed', () => {
    expect(parseQuery('https://x.test/?a=1&b=&c&d=x=y&e=%20sp')).toEqual([
      kv('a', '1'),
      kv('b', ''),
      kv('c', ''),
      kv('d', 'x=y'),
      kv('e', '%20sp'),
    ]);
    expect(parseQuery('https://x.test/')).toEqual([]);
    expect(parseQuery('https://x.test/?')).toEqual([]);
    expect(parseQuery('https://x.test/?a=1#b=2')).toEqual([kv('a', '1')]);
  });

  it('keeps {{variables}} with ? & = inside them whole', () => {
    expect(parseQuery('{{base}}/s?q={{term&more}}&{{k=v}}=1&n={{a?b}}')).toEqual([
      kv('q', '{{term&more}}'),
      kv('{{k=v}}', '1'),
      kv('n', '{{a?b}}'),
    ]);
  });

  it('treats a {{ that is never closed (still being typed) as text', () => {
    expect(parseQuery('https://x.test/?q={{&page=2')).toEqual([kv('q', '{{'), kv('page', '2')]);
    expect(splitUrl('https://x.test/{{oops?a=1')).toEqual({ base: 'https://x.test/{{oops', query: 'a=1', hash: '' });
    expect(parseQuery('https://x.test/?q={{x}}&r={{&s=1')).toEqual([kv('q', '{{x}}'), kv('r', '{{'), kv('s', '1')]);
  });
});

describe('withQuery', () => {
  it('writes the enabled rows into the URL and keeps the fragment', () => {
    expect(withQuery('https://x.test/a', [kv('a', '1'), kv('b', '2')])).toBe('https://x.test/a?a=1&b=2');
    expect(withQuery('https://x.test/a?old=1#top', [kv('new', '2')])).toBe('https://x.test/a?new=2#top');
    expect(withQuery('https://x.test/a?old=1#top', [])).toBe('https://x.test/a#top');
    expect(withQuery('https://x.test/a', [kv('flag', '')])).toBe('https://x.test/a?flag');
    expect(withQuery('https://x.test/a', [kv('', 'v')])).toBe('https://x.test/a?=v');
    expect(withQuery('https://x.test/a', [kv('', '')])).toBe('https://x.test/a');
  });

  it('leaves disabled rows out of the URL', () => {
    expect(withQuery('https://x.test/a', [kv('a', '1'), kv('off', '2', false), kv('c', '3')])).toBe('https://x.test/a?a=1&c=3');
    expect(withQuery('https://x.test/a?x=1', [kv('off', '2', false)])).toBe('https://x.test/a');
  });

  it('leaves {{variables}} untouched, wherever they are', () => {
    const url = '{{base}}/users/{{id}}?q={{a&b}}#{{frag}}';
    expect(withQuery(url, parseQuery(url))).toBe(url);
    expect(withQuery('{{base?x}}/p', [kv('k', '{{v}}')])).toBe('{{base?x}}/p?k={{v}}');
    expect(withQuery('https://x.test/', [kv('{{k=v}}', '')])).toBe('https://x.test/?{{k=v}}');
    expect(parseQuery('https://x.test/?{{k=v}}')).toEqual([kv('{{k=v}}', '')]);
  });

  it('round-trips ordinary URLs through the table', () => {
    for (const url of [
      'https://x.test/a?a=1&b=2',
      'https://x.test/a?a=1&b=2#hash',
      'https://x.test/?q=hello%20world&tag=a&tag=b',
      'https://x.test/?d=x=y',
      'https://x.test/path',
      '{{base}}/x?id={{id}}&fields={{a,b}}',
    ]) {
      expect(withQuery(url, parseQuery(url))).toBe(url);
    }
  });
});

describe('syncParamsFromUrl', () => {
  it('takes enabled rows from the URL and keeps disabled rows and descriptions', () => {
    const previous = [kv('a', '1', true, 'the a'), kv('off', 'x', false, 'kept'), kv('gone', '1')];
    expect(syncParamsFromUrl('https://x.test/?a=2&b=3', previous)).toEqual([
      kv('a', '2', true, 'the a'),
      kv('b', '3'),
      kv('off', 'x', false, 'kept'),
    ]);
    expect(syncParamsFromUrl('https://x.test/', previous)).toEqual([kv('off', 'x', false, 'kept')]);
  });

  it('keeps the disabled rows out of the URL it came from', () => {
    const params = syncParamsFromUrl('https://x.test/?a=1', [kv('off', 'x', false)]);
    expect(withQuery('https://x.test/?a=1', params)).toBe('https://x.test/?a=1');
  });
});

describe('encodeUrlForWire', () => {
  it('encodes what may not appear raw and leaves %XX alone', () => {
    expect(encodeUrlForWire('https://x.test/a b?q=ü&r=%20&s=100%')).toBe('https://x.test/a%20b?q=%C3%BC&r=%20&s=100%25');
    expect(encodeUrlForWire('https://x.test/a-b_c.d~e?x=[1]&y=!$')).toBe('https://x.test/a-b_c.d~e?x=[1]&y=!$');
  });
});

describe('withDefaultScheme', () => {
  it('adds http:// only where no scheme was typed', () => {
    expect(withDefaultScheme('example.com/x')).toBe('http://example.com/x');
    expect(withDefaultScheme('  localhost:3000 ')).toBe('http://localhost:3000');
    expect(withDefaultScheme('https://example.com')).toBe('https://example.com');
    expect(withDefaultScheme('HTTP://example.com')).toBe('HTTP://example.com');
    expect(withDefaultScheme('ws://example.com')).toBe('ws://example.com');
  });
});
