import { describe, expect, it } from 'vitest';
import { defaultRequest, type Auth } from './model.js';
import { effectiveAuth, resolveRequest } from './resolve-request.js';

const lookup = new Map([
  ['host', 'api.example.com'],
  ['id', '42'],
  ['token', 's3cret'],
  ['user', 'ada'],
  ['hdr', 'X-Trace'],
]);

describe('resolveRequest', () => {
  it('resolves the url, params and headers (keys and values)', () => {
    const { request, unresolved } = resolveRequest(
      defaultRequest({
        url: 'https://{{host}}/items/{{id}}',
        params: [
          { key: 'q', value: '{{id}}', enabled: true },
          { key: '{{missing}}', value: 'x', enabled: true },
        ],
        headers: [{ key: '{{hdr}}', value: 'v-{{id}}', enabled: true }],
      }),
      lookup,
    );
    expect(request.url).toBe('https://api.example.com/items/42');
    expect(request.params[0]).toMatchObject({ key: 'q', value: '42' });
    expect(request.headers[0]).toMatchObject({ key: 'X-Trace', value: 'v-42' });
    expect(unresolved).toEqual(['missing']);
  });

  it('leaves disabled rows alone and does not report their variables', () => {
    const { request, unresolved } = resolveRequest(
      defaultRequest({ url: 'x', headers: [{ key: 'A', value: '{{nope}}', enabled: false }] }),
      lookup,
    );
    expect(request.headers[0].value).toBe('{{nope}}');
    expect(unresolved).toEqual([]);
  });

  it('resolves every body mode', () => {
    const raw = resolveRequest(
      defaultRequest({ url: 'x', body: { mode: 'raw', language: 'json', raw: '{"id": {{id}}}' } }),
      lookup,
    ).request.body;
    expect(raw).toEqual({ mode: 'raw', language: 'json', raw: '{"id": 42}' });

    const form = resolveRequest(
      defaultRequest({
        url: 'x',
        body: { mode: 'urlencoded', urlencoded: [{ key: 'u', value: '{{user}}', enabled: true }] },
      }),
      lookup,
    ).request.body;
    expect(form).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'u', value: 'ada', enabled: true }] });

    const multi = resolveRequest(
      defaultRequest({
        url: 'x',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 'name', value: '{{user}}', enabled: true, type: 'text' },
            { key: 'doc-{{id}}', value: '', enabled: true, type: 'file', filePath: '/tmp/{{id}}.txt' },
          ],
        },
      }),
      lookup,
    ).request.body;
    expect(multi.mode === 'formdata' && multi.formdata.map((f) => [f.key, f.value, f.filePath])).toEqual([
      ['name', 'ada', undefined],
      ['doc-42', '', '/tmp/{{id}}.txt'],
    ]);
  });

  it('resolves auth fields', () => {
    const cases: [Auth, Auth][] = [
      [{ type: 'bearer', token: '{{token}}' }, { type: 'bearer', token: 's3cret' }],
      [
        { type: 'basic', username: '{{user}}', password: '{{token}}' },
        { type: 'basic', username: 'ada', password: 's3cret' },
      ],
      [
        { type: 'apikey', key: '{{hdr}}', value: '{{token}}', in: 'header' },
        { type: 'apikey', key: 'X-Trace', value: 's3cret', in: 'header' },
      ],
      [
        {
          type: 'oauth2',
          grantType: 'client_credentials',
          accessTokenUrl: 'https://{{host}}/token',
          clientId: '{{user}}',
          clientSecret: '{{token}}',
          scope: 'read:{{id}}',
          clientAuthentication: 'header',
        },
        {
          type: 'oauth2',
          grantType: 'client_credentials',
          accessTokenUrl: 'https://api.example.com/token',
          clientId: 'ada',
          clientSecret: 's3cret',
          scope: 'read:42',
          clientAuthentication: 'header',
        },
      ],
    ];
    for (const [auth, expected] of cases) {
      expect(resolveRequest(defaultRequest({ url: 'x', auth }), lookup).request.auth).toEqual(expected);
    }
  });

  it('does not modify its input', () => {
    const spec = defaultRequest({ url: '{{host}}', headers: [{ key: 'a', value: '{{id}}', enabled: true }] });
    const copy = structuredClone(spec);
    resolveRequest(spec, lookup);
    expect(spec).toEqual(copy);
  });
});

describe('effectiveAuth', () => {
  const bearer: Auth = { type: 'bearer', token: 't' };
  const basic: Auth = { type: 'basic', username: 'u', password: 'p' };

  it('keeps the request’s own auth', () => {
    expect(effectiveAuth(basic, [bearer])).toBe(basic);
    expect(effectiveAuth({ type: 'none' }, [bearer])).toEqual({ type: 'none' });
  });

  it('inherits from the nearest ancestor that is not inherit', () => {
    expect(effectiveAuth({ type: 'inherit' }, [undefined, { type: 'inherit' }, bearer, basic])).toBe(bearer);
  });

  it('falls back to none when nothing up the chain sets auth', () => {
    expect(effectiveAuth({ type: 'inherit' }, [{ type: 'inherit' }, undefined])).toEqual({ type: 'none' });
    expect(effectiveAuth({ type: 'inherit' }, [])).toEqual({ type: 'none' });
  });
});
