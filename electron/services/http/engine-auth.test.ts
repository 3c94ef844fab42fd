// Every auth type against the real server, OAuth 2.0 token caching included.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '../../../shared/model.js';
import { echoOf, makeEngine, req, send, type EngineFixture, startTestServer, type TestServer } from './engine.fixture.js';

let server: TestServer;
let fx: EngineFixture;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await fx?.dispose();
});

describe('simple auth types', () => {
  beforeAll(() => {
    fx = makeEngine();
  });

  it('none adds nothing', async () => {
    fx = makeEngine();
    expect(echoOf(await send(fx.engine, req(`${server.url}/echo`, { auth: { type: 'none' } }))).headers.authorization).toBeUndefined();
  });

  it('basic', async () => {
    fx = makeEngine();
    const echo = echoOf(await send(fx.engine, req(`${server.url}/echo`, { auth: { type: 'basic', username: 'ada', password: 'pä:ss' } })));
    expect(echo.headers.authorization).toBe(`Basic ${Buffer.from('ada:pä:ss').toString('base64')}`);
  });

  it('bearer', async () => {
    fx = makeEngine();
    const echo = echoOf(await send(fx.engine, req(`${server.url}/echo`, { auth: { type: 'bearer', token: 'tok123' } })));
    expect(echo.headers.authorization).toBe('Bearer tok123');
  });

  it('a hand-written Authorization header wins over the auth tab', async () => {
    fx = makeEngine();
    const echo = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/echo`, {
          auth: { type: 'bearer', token: 'tab' },
          headers: [{ key: 'authorization', value: 'Custom mine', enabled: true }],
        }),
      ),
    );
    expect(echo.headers.authorization).toBe('Custom mine');
  });

  it('API key in a header', async () => {
    fx = makeEngine();
    const echo = echoOf(
      await send(fx.engine, req(`${server.url}/echo`, { auth: { type: 'apikey', key: 'X-Api-Key', value: 'k-1', in: 'header' } })),
    );
    expect(echo.headers['x-api-key']).toBe('k-1');
  });

  it('API key in the query, encoded, after the params', async () => {
    fx = makeEngine();
    const out = await send(
      fx.engine,
      req(`${server.url}/echo`, {
        params: [{ key: 'page', value: '2', enabled: true }],
        auth: { type: 'apikey', key: 'api key', value: 'a&b', in: 'query' },
      }),
    );
    expect(echoOf(out).query).toEqual({ page: '2', 'api key': 'a&b' });
    expect(out.sent?.url).toBe(`${server.url}/echo?page=2&api%20key=a%26b`);
  });

  it('inherit that reached the engine unresolved sends no auth', async () => {
    fx = makeEngine();
    expect(echoOf(await send(fx.engine, req(`${server.url}/echo`, { auth: { type: 'inherit' } }))).headers.authorization).toBeUndefined();
  });
});

describe('OAuth 2.0 client credentials', () => {
  const oauth = (over: Partial<Extract<Auth, { type: 'oauth2' }>> = {}, query = ''): Auth => ({
    type: 'oauth2',
    grantType: 'client_credentials',
    accessTokenUrl: `${server.url}/oauth/token${query}`,
    clientId: 'client',
    clientSecret: 'secret',
    scope: 'read write',
    clientAuthentication: 'header',
    ...over,
  });

  it('fetches a token (client auth in a Basic header) and reuses it on the next send', async () => {
    server.reset();
    fx = makeEngine();
    const first = await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth() }));
    expect(first.response?.status).toBe(200);
    expect(first.sent?.headers).toContainEqual(['Authorization', 'Bearer token-1']);
    const tokenRequest = server.requests.find((r) => r.path === '/oauth/token')!;
    expect(tokenRequest.method).toBe('POST');
    expect(tokenRequest.headers.authorization).toBe(`Basic ${Buffer.from('client:secret').toString('base64')}`);
    expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');

    const second = await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth() }));
    expect(second.response?.status).toBe(200);
    expect(server.hits('/oauth/token')).toBe(1);

    // Another scope is another token.
    await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth({ scope: 'admin' }) }));
    expect(server.hits('/oauth/token')).toBe(2);
  });

  it('sends the client credentials in the body when asked', async () => {
    server.reset();
    fx = makeEngine();
    const out = await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth({ clientAuthentication: 'body' }) }));
    expect(out.response?.status).toBe(200);
    expect(server.requests.find((r) => r.path === '/oauth/token')?.headers.authorization).toBeUndefined();
  });

  it('fetches a new token once the old one expires', async () => {
    server.reset();
    fx = makeEngine();
    const auth = oauth({}, '?expires_in=1');
    await send(fx.engine, req(`${server.url}/oauth/protected`, { auth }));
    await send(fx.engine, req(`${server.url}/oauth/protected`, { auth }));
    expect(server.hits('/oauth/token')).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    const later = await send(fx.engine, req(`${server.url}/oauth/protected`, { auth }));
    expect(server.hits('/oauth/token')).toBe(2);
    expect(later.sent?.headers).toContainEqual(['Authorization', 'Bearer token-2']);
    expect(later.response?.status).toBe(200);
  });

  it('keeps tokens in the tokenCache it is given, and drops one a resource refused', async () => {
    server.reset();
    const cache = new Map<string, string>();
    const tokenCache = { get: (k: string) => cache.get(k) ?? null, set: (k: string, v: string) => void cache.set(k, v) };
    fx = makeEngine({ tokenCache });
    await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth() }));
    const key = `${server.url}/oauth/token|client|read write`;
    expect(JSON.parse(cache.get(key)!)).toMatchObject({ accessToken: 'token-1', tokenType: 'Bearer' });

    // A new engine sharing the cache (the app restarted) reuses the token.
    const again = makeEngine({ tokenCache });
    await send(again.engine, req(`${server.url}/oauth/protected`, { auth: oauth() }));
    expect(server.hits('/oauth/token')).toBe(1);

    // The server forgot its tokens: the 401 drops the cached one, the next send fetches anew.
    server.reset();
    expect((await send(again.engine, req(`${server.url}/oauth/protected`, { auth: oauth() }))).response?.status).toBe(401);
    expect((await send(again.engine, req(`${server.url}/oauth/protected`, { auth: oauth() }))).response?.status).toBe(200);
    expect(server.hits('/oauth/token')).toBe(1);
    await again.dispose();
  });

  it('a refused token request is an AUTH error with the server’s words', async () => {
    fx = makeEngine();
    const out = await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth({ clientSecret: 'wrong' }) }));
    expect(out.error).toEqual({
      code: 'AUTH',
      message: `The OAuth 2.0 token request to ${server.url}/oauth/token failed with status 401: invalid_client: Client authentication failed`,
    });
    expect(out.response).toBeUndefined();
  });

  it('an unreachable token endpoint is an AUTH error saying why', async () => {
    fx = makeEngine();
    const out = await send(fx.engine, req(`${server.url}/oauth/protected`, { auth: oauth({ accessTokenUrl: 'http://127.0.0.1:1/token' }) }));
    expect(out.error).toEqual({
      code: 'AUTH',
      message: 'Could not fetch the OAuth 2.0 token from http://127.0.0.1:1/token: Connection refused by 127.0.0.1:1',
    });
  });
});
