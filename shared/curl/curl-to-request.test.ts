import { describe, expect, it } from 'vitest';
import { curlToRequest } from './curl-to-request.js';
import { parseCurl } from './parse-curl.js';

describe('curlToRequest', () => {
  it('turns a dev-tools copy into a request: params, headers, bearer auth, JSON body', () => {
    const { request, ignored } = curlToRequest(
      `curl 'https://api.test/users?page=2&q=a%20b' \\\n  -X PATCH \\\n  -H 'Authorization: Bearer tok123' \\\n  -H 'Accept: application/json' \\\n  --data-raw '{"name":"Ada"}' \\\n  --compressed -sSLk -m 5`,
      { authFromHeader: true },
    );
    expect(request).toMatchObject({
      method: 'PATCH',
      url: 'https://api.test/users?page=2&q=a%20b',
      params: [{ key: 'page', value: '2', enabled: true }, { key: 'q', value: 'a%20b', enabled: true }],
      headers: [{ key: 'Accept', value: 'application/json', enabled: true }],
      auth: { type: 'bearer', token: 'tok123' },
      body: { mode: 'raw', raw: '{"name":"Ada"}', language: 'json' },
      settings: { verifyTls: false, followRedirects: true, timeoutMs: 5000 },
    });
    expect(ignored).toEqual(['--compressed', '-s', '-S']);
  });

  it('reads -u, a Basic header, --oauth2-bearer, cookies, user agent and referer', () => {
    expect(curlToRequest('curl -u ada:s3cret https://x.test').request.auth).toEqual({ type: 'basic', username: 'ada', password: 's3cret' });
    expect(curlToRequest(`curl -H 'Authorization: Basic ${btoa('bo:pw:x')}' https://x.test`, { authFromHeader: true }).request.auth).toEqual({ type: 'basic', username: 'bo', password: 'pw:x' });
    expect(curlToRequest('curl --oauth2-bearer t0k https://x.test').request.auth).toEqual({ type: 'bearer', token: 't0k' });
    const { request } = curlToRequest('curl -b "a=1; b=2" -A Tool/1.0 -e https://ref.test/ --url https://x.test/p');
    expect(request.url).toBe('https://x.test/p');
    expect(request.headers.map((h) => [h.key, h.value])).toEqual([
      ['Cookie', 'a=1; b=2'],
      ['User-Agent', 'Tool/1.0'],
      ['Referer', 'https://ref.test/'],
    ]);
    expect(curlToRequest('curl https://x.test').request.auth).toEqual({ type: 'inherit' });
    // Without the option (the agent's import_curl) the header stays as written.
    const kept = curlToRequest("curl -H 'Authorization: Bearer t' https://x.test").request;
    expect([kept.auth, kept.headers]).toEqual([{ type: 'inherit' }, [{ key: 'Authorization', value: 'Bearer t', enabled: true }]]);
  });

  it('reads forms with files, --data-urlencode, --data-binary and -G', () => {
    expect(curlToRequest("curl -F 'photo=@/tmp/me.png;type=image/png' -F name=Ada https://x.test/up").request.body).toEqual({
      mode: 'formdata',
      formdata: [
        { key: 'photo', value: '', enabled: true, type: 'file', fileName: 'me.png', contentType: 'image/png' },
        { key: 'name', value: 'Ada', enabled: true, type: 'text' },
      ],
    });
    expect(curlToRequest("curl --data-urlencode 'q=a&b c' --data-urlencode 'x=1' https://x.test").request.body).toEqual({
      mode: 'urlencoded',
      urlencoded: [{ key: 'q', value: 'a&b c', enabled: true }, { key: 'x', value: '1', enabled: true }],
    });
    expect(curlToRequest("curl --data-binary 'plain text' -H 'Content-Type: text/plain' https://x.test").request).toMatchObject({
      method: 'POST',
      body: { mode: 'raw', raw: 'plain text', language: 'text' },
    });
    expect(curlToRequest('curl -G --data-urlencode "q=a b" https://x.test/s').request).toMatchObject({ method: 'GET', url: 'https://x.test/s?q=a%20b', body: { mode: 'none' } });
    expect(parseCurl('curl --url-query "n=1 2" https://x.test/s').url).toBe('https://x.test/s?n=1%202');
  });

  it('reads Windows cmd continuations and curl.exe', () => {
    expect(curlToRequest('curl.exe "https://x.test/a" ^\n  -X DELETE').request).toMatchObject({ method: 'DELETE', url: 'https://x.test/a' });
  });

  it('names what it cannot read', () => {
    expect(() => curlToRequest('http https://x.test')).toThrow('That cURL command could not be read: A cURL command starts with "curl"');
    expect(() => curlToRequest('curl -d')).toThrow(/-d needs a value/);
  });
});
