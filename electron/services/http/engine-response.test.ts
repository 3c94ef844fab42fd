// Responses end to end: body kinds, decoding, headers, warnings, sizes and timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEngine, req, send, type EngineFixture, startTestServer, type TestServer } from './engine.fixture.js';

let server: TestServer;
let fx: EngineFixture;

beforeAll(async () => {
  server = await startTestServer();
  fx = makeEngine();
});
afterAll(async () => {
  await fx.dispose();
  await server.close();
});

describe('response bodies', () => {
  it.each(['gzip', 'deflate', 'br'])('decodes %s', async (encoding) => {
    const { response } = await send(fx.engine, req(`${server.url}/${encoding}`));
    expect(response?.body.kind).toBe('text');
    const parsed = JSON.parse(response?.body.kind === 'text' ? response.body.text : '') as { encoding: string; text: string };
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.text).toBe('hello '.repeat(100));
    expect(response?.size.body).toBe(Buffer.byteLength(response?.body.kind === 'text' ? response.body.text : ''));
    expect(response?.headers).toContainEqual(['Content-Encoding', encoding]);
  });

  it.each(['gzip', 'deflate', 'br'])('answers HEAD on a %s resource as empty', async (encoding) => {
    const { response, error } = await send(fx.engine, req(`${server.url}/${encoding}`, { method: 'HEAD' }));
    expect(error).toBeUndefined();
    expect(response?.body).toEqual({ kind: 'empty' });
  });

  it('says so when a compressed body cannot be decoded', async () => {
    const { error } = await send(fx.engine, req(`${server.url}/bad-gzip`));
    expect(error?.code).toBe('NETWORK');
    expect(error?.message).toMatch(/^The response body could not be decoded \(Content-Encoding gzip\): /);
  });

  it('shows a body in an encoding it cannot decode as received, with a warning', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/unknown-encoding`));
    expect(response?.body).toEqual({ kind: 'text', text: 'not really zstd' });
    expect(response?.bodyWarning).toBe('The body is encoded with "zstd", which Courier cannot decode; it is shown as received');
  });

  it.each([
    ['/json', 'application/json', '{"hello":"world","n":1}'],
    ['/text', 'text/plain; charset=utf-8', 'plain text ✓'],
    ['/html', 'text/html', '<!doctype html><p>hi</p>'],
    ['/xml', 'application/xml', '<?xml version="1.0"?><a><b>1</b></a>'],
  ])('answers %s as text', async (route, contentType, text) => {
    const { response } = await send(fx.engine, req(`${server.url}${route}`));
    expect(response?.contentType).toBe(contentType);
    expect(response?.body).toEqual({ kind: 'text', text });
    expect(response?.bodyWarning).toBeUndefined();
  });

  it('answers binary content as base64', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/image`));
    expect(response?.body.kind).toBe('base64');
    const bytes = Buffer.from(response?.body.kind === 'base64' ? response.body.base64 : '', 'base64');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(response?.size.body).toBe(bytes.length);
  });

  it('answers an empty body as empty', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/empty`));
    expect(response?.status).toBe(204);
    expect(response?.statusText).toBe('No Content');
    expect(response?.body).toEqual({ kind: 'empty' });
  });

  it('warns when a JSON body is not valid JSON', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/bad-json`));
    expect(response?.body).toEqual({ kind: 'text', text: '{"ok": true, oops}' });
    expect(response?.bodyWarning).toMatch(/^The body is not valid JSON \(.+\)$/);
    expect(response?.bodyWarning).toContain('position 13');
  });

  it('keeps repeated headers and their spelling, and reports the status, version, url and sizes', async () => {
    const { response } = await send(fx.engine, req(`${server.url}/multi-header`));
    expect(response?.headers.filter(([n]) => n === 'X-Multi')).toEqual([
      ['X-Multi', 'one'],
      ['X-Multi', 'two'],
    ]);
    expect(response?.headers.filter(([n]) => n === 'Set-Cookie')).toHaveLength(2);
    expect(response?.status).toBe(200);
    expect(response?.statusText).toBe('OK');
    expect(response?.httpVersion).toBe('1.1');
    expect(response?.url).toBe(`${server.url}/multi-header`);
    const headerBytes = response!.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    expect(response?.size.headers).toBe('HTTP/1.1 200 OK\r\n'.length + headerBytes + 2);
    expect(response?.size.body).toBe(5);
  });

  it('answers error statuses as responses, not errors', async () => {
    const { response, error } = await send(fx.engine, req(`${server.url}/status/503`));
    expect(error).toBeUndefined();
    expect(response?.status).toBe(503);
    expect(response?.statusText).toBe('Service Unavailable');
  });
});

describe('timings', () => {
  it('are measured per phase: no DNS for an IP literal, no TLS over plain HTTP', async () => {
    const local = makeEngine();
    const first = await send(local.engine, req(`${server.url}/small`));
    await local.dispose();
    const t = first.response!.timings;
    expect(t.dns).toBe(0);
    expect(t.tls).toBe(0);
    expect(t.connect).toBeGreaterThan(0);
    expect(t.firstByte).toBeGreaterThanOrEqual(0);
    expect(t.download).toBeGreaterThanOrEqual(0);
    expect(t.total).toBeGreaterThanOrEqual(t.firstByte);
    expect(t.total).toBeGreaterThanOrEqual(t.connect + t.firstByte);
  });

  it('report TLS only for https, and look the name up for a host name', async () => {
    const local = makeEngine();
    const url = server.httpsUrl.replace('127.0.0.1', 'localhost');
    const { response, error } = await send(
      local.engine,
      req(`${url}/small`, { settings: { timeoutMs: 10_000, followRedirects: true, maxRedirects: 10, verifyTls: false } }),
    );
    expect(error).toBeUndefined();
    const t = response!.timings;
    expect(t.tls).toBeGreaterThan(0);
    expect(t.dns).toBeGreaterThan(0);
    expect(t.total).toBeGreaterThanOrEqual(t.dns + t.connect + t.tls + t.firstByte);
    await local.dispose();
  });

  it('are 0 for connection phases when a pooled connection is reused', async () => {
    const local = makeEngine();
    await send(local.engine, req(`${server.url}/small`));
    await send(local.engine, req(`${server.url}/small`));
    const third = await send(local.engine, req(`${server.url}/small`));
    expect(third.response?.timings).toMatchObject({ dns: 0, connect: 0, tls: 0 });
    await local.dispose();
  });
});

describe('progress', () => {
  it('reports connecting, waiting and downloading', async () => {
    const phases: string[] = [];
    await fx.engine.send(req(`${server.url}/bytes/200000`), {
      sendId: 'progress',
      bodyLimitBytes: 10_000_000,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(phases[0]).toBe('connecting');
    expect(phases).toContain('waiting');
    expect(phases).toContain('downloading');
  });
});
