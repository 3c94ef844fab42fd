// What goes wrong, answered as a SendError with a specific message — never thrown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestSettings } from '../../../shared/model.js';
import { makeEngine, req, send, type EngineFixture, startTestServer, type TestServer } from './engine.fixture.js';

let server: TestServer;
let fx: EngineFixture;

const settings = (s: Partial<RequestSettings>): RequestSettings => ({
  timeoutMs: 10_000,
  followRedirects: true,
  maxRedirects: 10,
  verifyTls: true,
  ...s,
});

beforeAll(async () => {
  server = await startTestServer();
  fx = makeEngine();
});
afterAll(async () => {
  await fx.dispose();
  await server.close();
});

describe('network errors', () => {
  it('DNS: an unknown host', async () => {
    const out = await send(fx.engine, req('http://nope.invalid/x'));
    expect(out.error).toEqual({ code: 'DNS', message: 'Could not resolve host nope.invalid' });
    expect(out.response).toBeUndefined();
  });

  it('a refused connection', async () => {
    const out = await send(fx.engine, req('http://127.0.0.1:1/'));
    expect(out.error).toEqual({ code: 'CONNECTION_REFUSED', message: 'Connection refused by 127.0.0.1:1' });
    expect(out.sent?.url).toBe('http://127.0.0.1:1/');
  });

  it('TLS: a self-signed certificate fails verification, and is accepted with verifyTls off', async () => {
    const strict = await send(fx.engine, req(`${server.httpsUrl}/json`));
    expect(strict.error?.code).toBe('TLS');
    expect(strict.error?.message).toMatch(/^TLS certificate verification failed: self[- ]signed certificate/);

    const relaxed = await send(fx.engine, req(`${server.httpsUrl}/json`, { settings: settings({ verifyTls: false }) }));
    expect(relaxed.error).toBeUndefined();
    expect(relaxed.response?.status).toBe(200);
    expect(relaxed.response?.timings.tls).toBeGreaterThan(0);
  });

  it('a body cut off before Content-Length bytes', async () => {
    const out = await send(fx.engine, req(`${server.url}/cut-off?length=1000&send=120`));
    expect(out.error).toEqual({ code: 'RESPONSE_CUT_OFF', message: 'The server closed the connection after 120 of 1000 bytes' });
    // The engine is still fine afterwards.
    expect((await send(fx.engine, req(`${server.url}/small`))).response?.status).toBe(200);
  });

  it('invalid URLs', async () => {
    expect((await send(fx.engine, req('http://exa mple.com:99999/'))).error).toEqual({
      code: 'INVALID_URL',
      message: 'Invalid URL: http://exa mple.com:99999/',
    });
    expect((await send(fx.engine, req(''))).error?.code).toBe('INVALID_URL');
    expect((await send(fx.engine, req('ftp://example.com/file'))).error?.message).toBe(
      'Invalid URL: ftp://example.com/file (only http:// and https:// are supported)',
    );
    expect((await send(fx.engine, req('{{baseUrl}}/users'))).error?.code).toBe('INVALID_URL');
  });

  it('TLS spoken to a plain HTTP server', async () => {
    const out = await send(fx.engine, req(`${server.url.replace('http:', 'https:')}/small`));
    expect(out.error).toEqual({
      code: 'TLS',
      message: `The TLS handshake with ${new URL(server.url).host} failed: wrong version number (is it an http:// server?)`,
    });
  });

  it('headers HTTP cannot carry', async () => {
    const badName = await send(fx.engine, req(`${server.url}/echo`, { headers: [{ key: 'bad name', value: 'x', enabled: true }] }));
    expect(badName.error?.message).toMatch(/^The header name "bad name" is not valid/);
    const badValue = await send(fx.engine, req(`${server.url}/echo`, { headers: [{ key: 'X-A', value: 'a\nb', enabled: true }] }));
    expect(badValue.error?.message).toBe('The value of the header "X-A" contains a line break or NUL, which HTTP does not allow');
  });

  it('too many redirects', async () => {
    const out = await send(fx.engine, req(`${server.url}/redirect/5`, { settings: settings({ maxRedirects: 2 }) }));
    expect(out.error?.code).toBe('TOO_MANY_REDIRECTS');
    expect(out.error?.message).toBe(
      `Stopped after 2 redirects (the limit in this request's settings); the next one pointed to ${server.url}/redirect/2`,
    );
  });
});

describe('timeouts and cancel', () => {
  it('times out', async () => {
    const out = await send(fx.engine, req(`${server.url}/delay/3000`, { settings: settings({ timeoutMs: 300 }) }));
    expect(out.error).toEqual({ code: 'TIMEOUT', message: 'Timed out after 300 ms' });
    expect(out.sent?.method).toBe('GET');
  });

  it('timeout 0 means no timeout', async () => {
    const out = await send(fx.engine, req(`${server.url}/delay/200`, { settings: settings({ timeoutMs: 0 }) }));
    expect(out.response?.status).toBe(200);
  });

  it('cancels an in-flight send', async () => {
    const pending = fx.engine.send(req(`${server.url}/delay/5000`), { sendId: 'to-cancel', bodyLimitBytes: 1e6 });
    await new Promise((r) => setTimeout(r, 150));
    expect(fx.engine.cancel('to-cancel')).toBe(true);
    const out = await pending;
    expect(out.error).toEqual({ code: 'CANCELLED', message: 'The request was cancelled' });
    expect(fx.engine.cancel('to-cancel')).toBe(false);
    expect(fx.engine.cancel('never-sent')).toBe(false);
  });
});
