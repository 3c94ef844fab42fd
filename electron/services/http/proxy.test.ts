// Proxy selection from the environment, and sends through a real proxy on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoOf, makeEngine, req, send, startTestProxy, type TestProxy, startTestServer, type TestServer } from './engine.fixture.js';
import { proxyFor } from './proxy.js';

describe('proxyFor', () => {
  const u = (s: string) => new URL(s);

  it('picks the proxy by scheme, lower case first, https falling back to the http proxy', () => {
    expect(proxyFor(u('http://api.example.com/'), { HTTP_PROXY: 'http://p:1' })).toBe('http://p:1');
    expect(proxyFor(u('http://api.example.com/'), { http_proxy: 'http://lower:1', HTTP_PROXY: 'http://upper:1' })).toBe('http://lower:1');
    expect(proxyFor(u('https://api.example.com/'), { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://p:1' })).toBe('http://s:1');
    expect(proxyFor(u('https://api.example.com/'), { HTTP_PROXY: 'http://p:1' })).toBe('http://p:1');
    expect(proxyFor(u('http://api.example.com/'), { HTTPS_PROXY: 'http://s:1' })).toBeNull();
    expect(proxyFor(u('http://api.example.com/'), { ALL_PROXY: 'http://all:1' })).toBe('http://all:1');
    expect(proxyFor(u('http://api.example.com/'), { HTTP_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128');
    expect(proxyFor(u('http://api.example.com/'), { HTTP_PROXY: '  ' })).toBeNull();
    expect(proxyFor(u('http://api.example.com/'), {})).toBeNull();
  });

  it('matches NO_PROXY entries: names and subdomains, ports, IPs, CIDR, *', () => {
    const env = (noProxy: string) => ({ HTTP_PROXY: 'http://p:1', HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy });
    expect(proxyFor(u('http://example.com/'), env('example.com'))).toBeNull();
    expect(proxyFor(u('http://api.example.com/'), env('example.com'))).toBeNull();
    expect(proxyFor(u('http://api.example.com/'), env('.example.com'))).toBeNull();
    expect(proxyFor(u('http://api.example.com/'), env('*.example.com'))).toBeNull();
    expect(proxyFor(u('http://notexample.com/'), env('example.com'))).toBe('http://p:1');
    expect(proxyFor(u('http://example.com:8080/'), env('example.com:8080'))).toBeNull();
    expect(proxyFor(u('http://example.com/'), env('example.com:8080'))).toBe('http://p:1');
    expect(proxyFor(u('https://example.com/'), env('example.com:443'))).toBeNull();
    expect(proxyFor(u('http://10.1.2.3/'), env('10.0.0.0/8'))).toBeNull();
    expect(proxyFor(u('http://11.1.2.3/'), env('10.0.0.0/8'))).toBe('http://p:1');
    expect(proxyFor(u('http://[::1]:80/'), env('other, [::1]'))).toBeNull();
    expect(proxyFor(u('http://anything/'), env('*'))).toBeNull();
    expect(proxyFor(u('http://b.com/'), env('a.com, b.com'))).toBeNull();
    expect(proxyFor(u('http://b.com/'), { http_proxy: 'http://p:1', no_proxy: 'b.com', NO_PROXY: 'c.com' })).toBeNull();
  });

  it('never proxies loopback while NO_PROXY is unset or empty; a set NO_PROXY decides alone', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.8.9.1', '[::1]']) {
      expect(proxyFor(u(`http://${host}:3000/`), { HTTP_PROXY: 'http://p:1' })).toBeNull();
      expect(proxyFor(u(`http://${host}:3000/`), { HTTP_PROXY: 'http://p:1', NO_PROXY: '' })).toBeNull();
    }
    expect(proxyFor(u('http://127.0.0.1:3000/'), { HTTP_PROXY: 'http://p:1', NO_PROXY: 'example.com' })).toBe('http://p:1');
    expect(proxyFor(u('http://127.0.0.1:3000/'), { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost,127.0.0.1' })).toBeNull();
  });
});

describe('sending through a proxy', () => {
  let server: TestServer;
  let proxy: TestProxy;

  beforeAll(async () => {
    server = await startTestServer();
    proxy = await startTestProxy();
  });
  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  it('goes through HTTP_PROXY (NO_PROXY set without loopback)', async () => {
    const fx = makeEngine({ env: () => ({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.com' }) });
    const before = proxy.seen.length;
    const out = await send(fx.engine, req(`${server.url}/echo?via=proxy`));
    expect(echoOf(out).query).toEqual({ via: 'proxy' });
    const port = new URL(server.url).port;
    expect(proxy.seen.slice(before)).toEqual([`CONNECT 127.0.0.1:${port}`]);
    await fx.dispose();
  });

  it('tunnels https through https_proxy (lower case), with TLS settings applied end to end', async () => {
    const fx = makeEngine({ env: () => ({ https_proxy: proxy.url, no_proxy: 'example.com' }) });
    const port = new URL(server.httpsUrl).port;
    const strict = await send(fx.engine, req(`${server.httpsUrl}/json`));
    expect(strict.error?.code).toBe('TLS');
    const relaxed = await send(
      fx.engine,
      req(`${server.httpsUrl}/json`, { settings: { timeoutMs: 10_000, followRedirects: true, maxRedirects: 10, verifyTls: false } }),
    );
    expect(relaxed.response?.body).toEqual({ kind: 'text', text: '{"hello":"world","n":1}' });
    expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${port}`);
    await fx.dispose();
  });

  it('connects directly to loopback when NO_PROXY is unset', async () => {
    const fx = makeEngine({ env: () => ({ HTTP_PROXY: proxy.url }) });
    const before = proxy.seen.length;
    expect((await send(fx.engine, req(`${server.url}/small`))).response?.status).toBe(200);
    expect(proxy.seen.length).toBe(before);
    await fx.dispose();
  });

  it('sends proxy credentials from the proxy URL, and says so when the proxy refuses', async () => {
    const guarded = await startTestProxy({ auth: 'user:p@ss' });
    const withAuth = `${guarded.url.replace('http://', 'http://user:p%40ss@')}`;
    const ok = makeEngine({ env: () => ({ HTTP_PROXY: withAuth, NO_PROXY: 'example.com' }) });
    expect((await send(ok.engine, req(`${server.url}/small`))).response?.status).toBe(200);
    expect(guarded.proxyAuthorizations.at(-1)).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);

    const refused = makeEngine({ env: () => ({ HTTP_PROXY: guarded.url, NO_PROXY: 'example.com' }) });
    const out = await send(refused.engine, req(`${server.url}/small`));
    expect(out.error).toEqual({
      code: 'NETWORK',
      message: `The proxy ${new URL(guarded.url).host} refused to connect to ${new URL(server.url).host} with status 407: it wants credentials (put them in the proxy URL, http://user:password@host:port)`,
    });
    await Promise.all([ok.dispose(), refused.dispose()]);
    await guarded.close();
  });

  it('reports an unreachable proxy', async () => {
    const fx = makeEngine({ env: () => ({ HTTP_PROXY: 'http://127.0.0.1:1', NO_PROXY: 'example.com' }) });
    const out = await send(fx.engine, req(`${server.url}/small`));
    expect(out.error).toEqual({ code: 'CONNECTION_REFUSED', message: 'Connection refused by the proxy 127.0.0.1:1' });
    await fx.dispose();
  });
});
