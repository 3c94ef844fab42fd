// Request building end to end against the real test server: URL and params, headers, every body
// mode (what the server received), and the FILE error for a missing file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawLanguage } from '../../../shared/model.js';
import { echoOf, makeEngine, req, send, type EngineFixture, startTestServer, type TestServer } from './engine.fixture.js';

let server: TestServer;
let fx: EngineFixture;
let tmp: string;

beforeAll(async () => {
  server = await startTestServer();
  fx = makeEngine();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-body-'));
});
afterAll(async () => {
  await fx.dispose();
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('URL and params', () => {
  it('uses the enabled params as the query, replacing the URL’s own', async () => {
    const out = await send(
      fx.engine,
      req(`${server.url}/echo?old=1`, {
        params: [
          { key: 'q', value: 'two words', enabled: true },
          { key: 'skip', value: 'x', enabled: false },
          { key: 'city', value: 'Zürich', enabled: true },
        ],
      }),
    );
    const echo = echoOf(out);
    expect(echo.query).toEqual({ q: 'two words', city: 'Zürich' });
    expect(out.sent?.url).toBe(`${server.url}/echo?q=two%20words&city=Z%C3%BCrich`);
  });

  it('keeps the URL’s query when the request has no param rows', async () => {
    expect(echoOf(await send(fx.engine, req(`${server.url}/echo?a=1&b=2`))).query).toEqual({ a: '1', b: '2' });
  });

  it('adds http:// when no scheme was typed', async () => {
    const out = await send(fx.engine, req(`${server.url.replace('http://', '')}/echo`));
    expect(out.response?.status).toBe(200);
    expect(out.sent?.url.startsWith('http://127.0.0.1:')).toBe(true);
  });

  it('sends the method upper-cased, repeated headers, and skips disabled ones', async () => {
    const out = await send(
      fx.engine,
      req(`${server.url}/echo`, {
        method: 'patch',
        headers: [
          { key: 'X-Rep', value: 'one', enabled: true },
          { key: 'X-Rep', value: 'two', enabled: true },
          { key: 'X-Off', value: 'no', enabled: false },
        ],
      }),
    );
    const echo = echoOf(out);
    expect(echo.method).toBe('PATCH');
    expect(echo.rawHeaders.filter(([n]) => n.toLowerCase() === 'x-rep').map(([, v]) => v)).toEqual(['one', 'two']);
    expect(echo.headers['x-off']).toBeUndefined();
    expect(out.sent?.headers.filter(([n]) => n === 'X-Rep')).toHaveLength(2);
    expect(echo.headers['user-agent']).toMatch(/^Courier\//);
    expect(echo.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('body modes', () => {
  const languages: [RawLanguage, string][] = [
    ['json', 'application/json'],
    ['xml', 'application/xml'],
    ['text', 'text/plain'],
    ['html', 'text/html'],
    ['javascript', 'application/javascript'],
  ];
  it.each(languages)('raw %s gets Content-Type %s by default', async (language, type) => {
    const raw = language === 'json' ? '{"a":"é"}' : 'body é';
    const out = await send(fx.engine, req(`${server.url}/echo`, { method: 'POST', body: { mode: 'raw', language, raw } }));
    const echo = echoOf(out);
    expect(echo.headers['content-type']).toBe(type);
    expect(echo.body).toBe(raw);
    expect(echo.bodyLength).toBe(Buffer.byteLength(raw));
    expect(out.sent?.bodySize).toBe(Buffer.byteLength(raw));
  });

  it('raw keeps a Content-Type the user set', async () => {
    const echo = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/echo`, {
          method: 'POST',
          headers: [{ key: 'content-type', value: 'application/vnd.api+json', enabled: true }],
          body: { mode: 'raw', language: 'json', raw: '{}' },
        }),
      ),
    );
    expect(echo.headers['content-type']).toBe('application/vnd.api+json');
    expect(echo.rawHeaders.filter(([n]) => n.toLowerCase() === 'content-type')).toHaveLength(1);
  });

  it('x-www-form-urlencoded encodes keys and values', async () => {
    const echo = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/echo`, {
          method: 'POST',
          body: {
            mode: 'urlencoded',
            urlencoded: [
              { key: 'name', value: 'Ada Lovelace', enabled: true },
              { key: 'expr', value: 'a&b=c+d', enabled: true },
              { key: 'off', value: 'x', enabled: false },
              { key: 'city', value: 'Zürich', enabled: true },
            ],
          },
        }),
      ),
    );
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(echo.body).toBe('name=Ada+Lovelace&expr=a%26b%3Dc%2Bd&city=Z%C3%BCrich');
  });

  it('multipart form-data sends text fields and streamed files with filenames and types', async () => {
    const file = path.join(tmp, 'report.json');
    fs.writeFileSync(file, '{"rows":[1,2,3]}');
    const bin = path.join(tmp, 'raw.dat');
    fs.writeFileSync(bin, Buffer.from([0, 1, 2, 255]));
    const out = await send(
      fx.engine,
      req(`${server.url}/echo`, {
        method: 'POST',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 'title', value: 'Q3 "final"', enabled: true, type: 'text' },
            { key: 'report', value: '', enabled: true, type: 'file', filePath: file },
            { key: 'blob', value: '', enabled: true, type: 'file', filePath: bin, fileName: 'named.bin', contentType: 'application/x-custom' },
            { key: 'off', value: 'x', enabled: false, type: 'text' },
          ],
        },
      }),
    );
    const echo = echoOf(out);
    const contentType = String(echo.headers['content-type']);
    const boundary = contentType.match(/^multipart\/form-data; boundary=(.+)$/)?.[1];
    expect(boundary).toBeTruthy();
    const body = Buffer.from(echo.bodyBase64, 'base64').toString('latin1');
    expect(body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nQ3 "final"\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="report"; filename="report.json"\r\nContent-Type: application/json\r\n\r\n{"rows":[1,2,3]}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="blob"; filename="named.bin"\r\nContent-Type: application/x-custom\r\n\r\n\x00\x01\x02\xff\r\n` +
        `--${boundary}--\r\n`,
    );
    expect(Number(echo.headers['content-length'])).toBe(echo.bodyLength);
    expect(out.sent?.bodySize).toBe(echo.bodyLength);
  });

  it('binary sends the file as is, with its content type', async () => {
    const file = path.join(tmp, 'pixel.png');
    const bytes = Buffer.alloc(300_000, 7);
    fs.writeFileSync(file, bytes);
    const echo = echoOf(
      await send(fx.engine, req(`${server.url}/echo`, { method: 'PUT', body: { mode: 'binary', filePath: file } })),
    );
    expect(echo.headers['content-type']).toBe('image/png');
    expect(echo.bodyLength).toBe(bytes.length);
    expect(Buffer.from(echo.bodyBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('a missing file is a FILE error naming it', async () => {
    const missing = path.join(tmp, 'nope.csv');
    const binary = await send(fx.engine, req(`${server.url}/echo`, { method: 'POST', body: { mode: 'binary', filePath: missing } }));
    expect(binary.error?.code).toBe('FILE');
    expect(binary.error?.message).toContain(missing);

    const form = await send(
      fx.engine,
      req(`${server.url}/echo`, {
        method: 'POST',
        body: { mode: 'formdata', formdata: [{ key: 'doc', value: '', enabled: true, type: 'file', filePath: missing }] },
      }),
    );
    expect(form.error).toEqual({ code: 'FILE', message: `The file for the form field "doc" was not found: ${missing}` });
    expect(server.requests.some((r) => r.method === 'POST' && r.bodyLength === 0 && r.path === '/echo')).toBe(false);
  });

  it('resends the body on a 307 redirect and drops it when a 302 turns POST into GET', async () => {
    const target = encodeURIComponent('/echo');
    const kept = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/redirect-to?url=${target}&status=307`, { method: 'POST', body: { mode: 'raw', language: 'text', raw: 'again' } }),
      ),
    );
    expect([kept.method, kept.body]).toEqual(['POST', 'again']);

    const dropped = echoOf(
      await send(
        fx.engine,
        req(`${server.url}/redirect-to?url=${target}&status=302`, { method: 'POST', body: { mode: 'raw', language: 'text', raw: 'gone' } }),
      ),
    );
    expect([dropped.method, dropped.body, dropped.headers['content-type']]).toEqual(['GET', '', undefined]);

    const seeOther = echoOf(
      await send(fx.engine, req(`${server.url}/redirect-to?url=${target}&status=303`, { method: 'PUT', body: { mode: 'raw', language: 'text', raw: 'x' } })),
    );
    expect(seeOther.method).toBe('GET');
  });
});
