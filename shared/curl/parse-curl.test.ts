import { describe, expect, it } from 'vitest';
import { CurlParseError, parseCurl, shellWords } from './parse-curl.js';

describe('parseCurl', () => {
  it('reads a dev-tools style command with continuations, headers and a JSON body', () => {
    const c = parseCurl(`curl 'https://api.test/users?x=1' \\\n  -H 'Content-Type: application/json' \\\n  -H "Authorization: Bearer abc" \\\n  --data-raw '{"name":"Ada"}' --compressed`);
    expect(c).toMatchObject({
      method: 'POST',
      url: 'https://api.test/users?x=1',
      headers: [{ key: 'Content-Type', value: 'application/json' }, { key: 'Authorization', value: 'Bearer abc' }],
      body: { mode: 'raw', raw: '{"name":"Ada"}', language: 'json' },
      ignored: ['--compressed'],
    });
  });

  it('handles -X, -u, form data, --json, -G and $-quotes', () => {
    expect(parseCurl('curl -XPUT -u ada:pw https://x.test -d a=1 -d b=two%20words')).toMatchObject({
      method: 'PUT',
      basicAuth: { username: 'ada', password: 'pw' },
      body: { mode: 'urlencoded', pairs: [{ key: 'a', value: '1' }, { key: 'b', value: 'two words' }] },
    });
    expect(parseCurl('curl --json \'{"a":1}\' https://x.test').headers.map((h) => h.key)).toEqual(['Content-Type', 'Accept']);
    expect(parseCurl('curl -G https://x.test/s -d q=1')).toMatchObject({ method: 'GET', url: 'https://x.test/s?q=1', body: { mode: 'none' } });
    expect(parseCurl('curl -F file=@a.txt -F n=1 https://x.test').body).toEqual({ mode: 'formdata', fields: [{ key: 'file', value: '@a.txt' }, { key: 'n', value: '1' }] });
    expect(shellWords("curl $'a\\nb' \"c \\\"d\\\"\"")).toEqual(['curl', 'a\nb', 'c "d"']);
  });

  it('gives a clear error for what it cannot read', () => {
    expect(() => parseCurl('wget https://x.test')).toThrow(CurlParseError);
    expect(() => parseCurl("curl 'https://x.test")).toThrow(/not closed/);
    expect(() => parseCurl('curl -H')).toThrow(/-H needs a value/);
    expect(() => parseCurl('curl -X POST')).toThrow(/no URL/);
  });
});
