// Redirects followed hop by hop, and the cookie jar: stored from every hop, sent back, persisted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoOf, makeEngine, req, send, type EngineFixture, startTestServer, type TestServer } from './engine.fixture.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const noFollow = { timeoutMs: 10_000, followRedirects: false, maxRedirects: 10, verifyTls: true };

describe('redirects', () => {
  let fx: EngineFixture;
  beforeAll(() => {
    fx = makeEngine();
  });
  afterAll(() => fx.dispose());

  it('follows a chain and lists each hop', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/redirect/3`));
    expect(response?.status).toBe(200);
    expect(response?.url).toBe(`${server.url}/echo`);
    expect(response?.redirects).toEqual([
      { status: 302, url: `${server.url}/redirect/3` },
      { status: 302, url: `${server.url}/redirect/2` },
      { status: 302, url: `${server.url}/redirect/1` },
      { status: 302, url: `${server.url}/redirect/0` },
    ]);
  });

  it('answers the redirect itself when following is off', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/redirect/3`, { settings: noFollow }));
    expect(response?.status).toBe(302);
    expect(response?.headers).toContainEqual(['Location', '/redirect/2']);
    expect(response?.body).toEqual({ kind: 'text', text: 'redirecting to /redirect/2' });
    expect(response?.redirects).toEqual([]);
  });

  it('does not carry the user’s Authorization to another origin', async () => {
    const other = server.url.replace('127.0.0.1', 'localhost');
    const echo = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/redirect-to?url=${encodeURIComponent(`${other}/echo`)}`, {
          headers: [{ key: 'Authorization', value: 'Bearer private', enabled: true }],
        }),
      ),
    );
    expect(echo.headers.authorization).toBeUndefined();
    const same = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/redirect-to?url=%2Fecho`, { headers: [{ key: 'Authorization', value: 'Bearer private', enabled: true }] }),
      ),
    );
    expect(same.headers.authorization).toBe('Bearer private');
  });
});

describe('cookies', () => {
  it('stores Set-Cookie, sends cookies back, and lists what the response set', async () => {
    const fx = makeEngine();
    const set = await send(fx.engine, req(`${server.url}/set-cookie?session=abc&theme=dark`));
    expect(set.response?.cookies.map((c) => [c.name, c.value, c.domain, c.path])).toEqual([
      ['session', 'abc', '127.0.0.1', '/'],
      ['theme', 'dark', '127.0.0.1', '/'],
    ]);
    const back = await send(fx.engine, req(`${server.url}/cookies`));
    expect(back.response?.body).toEqual({ kind: 'text', text: JSON.stringify({ cookie: 'session=abc; theme=dark' }) });
    expect(back.response?.cookies).toEqual([]);
    expect(back.sent?.headers).toContainEqual(['Cookie', 'session=abc; theme=dark']);
    await fx.dispose();
  });

  it('stores a cookie set by a redirect hop before following it', async () => {
    const fx = makeEngine();
    const out = await send(fx.engine, req(`${server.url}/redirect-to?url=%2Fcookies&cookie=hop%3D1`));
    expect(out.response?.body).toEqual({ kind: 'text', text: JSON.stringify({ cookie: 'hop=1' }) });
    expect(out.response?.cookies.map((c) => c.name)).toEqual(['hop']);
    expect(out.response?.redirects).toHaveLength(1);
    await fx.dispose();
  });

  it('merges a Cookie header the user wrote with the jar', async () => {
    const fx = makeEngine();
    await send(fx.engine, req(`${server.url}/set-cookie?jar=1`));
    const out = await send(fx.engine, req(`${server.url}/cookies`, { headers: [{ key: 'Cookie', value: 'mine=2', enabled: true }] }));
    expect(out.response?.body).toEqual({ kind: 'text', text: JSON.stringify({ cookie: 'mine=2; jar=1' }) });
    await fx.dispose();
  });

  it('keeps attributes and respects Path', async () => {
    const fx = makeEngine();
    await send(fx.engine, req(`${server.url}/set-cookie?scoped=1&attrs=${encodeURIComponent('Path=/echo; HttpOnly; SameSite=Lax; Max-Age=3600')}`));
    const [cookie] = fx.engine.cookies.list();
    expect(cookie).toMatchObject({ name: 'scoped', path: '/echo', httpOnly: true, secure: false, sameSite: 'lax' });
    expect(Date.parse(cookie.expires!)).toBeGreaterThan(Date.now());
    expect(echoOf(await send(fx.engine, req(`${server.url}/echo`))).headers.cookie).toBe('scoped=1');
    expect(echoOf(await send(fx.engine, req(`${server.url}/echo/sub`))).headers.cookie).toBe('scoped=1');
    expect((await send(fx.engine, req(`${server.url}/cookies`))).response?.body).toEqual({
      kind: 'text',
      text: JSON.stringify({ cookie: null }),
    });
    await fx.dispose();
  });

  it('persists the jar through the cookie store and loads it in a new engine', async () => {
    const first = makeEngine();
    await send(first.engine, req(`${server.url}/set-cookie?kept=yes&attrs=${encodeURIComponent('Path=/; Max-Age=3600')}`));
    const saved = first.savedJar();
    expect(saved).toContain('kept');
    await first.dispose();

    const second = makeEngine({ cookieStore: { load: () => saved, save: () => undefined } });
    expect(second.engine.cookies.list().map((c) => c.name)).toEqual(['kept']);
    const out = await send(second.engine, req(`${server.url}/cookies`));
    expect(out.response?.body).toEqual({ kind: 'text', text: JSON.stringify({ cookie: 'kept=yes' }) });
    await second.dispose();
  });

  it('deletes one cookie and clears the jar, saving each time', async () => {
    const fx = makeEngine();
    await send(fx.engine, req(`${server.url}/set-cookie?a=1&b=2`));
    fx.engine.cookies.delete('127.0.0.1', '/', 'a');
    expect(fx.engine.cookies.list().map((c) => c.name)).toEqual(['b']);
    expect(fx.savedJar()).not.toContain('"key":"a"');
    fx.engine.cookies.clear();
    expect(fx.engine.cookies.list()).toEqual([]);
    expect((await send(fx.engine, req(`${server.url}/cookies`))).response?.body).toEqual({
      kind: 'text',
      text: JSON.stringify({ cookie: null }),
    });
    await fx.dispose();
  });

  it('starts with an empty jar when the saved one is damaged', async () => {
    const fx = makeEngine({ cookieStore: { load: () => '{not json', save: () => undefined } });
    expect(fx.engine.cookies.list()).toEqual([]);
    expect((await send(fx.engine, req(`${server.url}/set-cookie?x=1`))).response?.cookies).toHaveLength(1);
    await fx.dispose();
  });
});
