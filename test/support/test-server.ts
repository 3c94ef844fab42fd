// A real HTTP + HTTPS server on 127.0.0.1 for tests and benchmarks (one handler serves both; the
// HTTPS side uses the TEST-ONLY self-signed certificate in ./certs). Start one per test file:
//
//   const server = await startTestServer();
//   ... fetch `${server.url}/echo` or `${server.httpsUrl}/echo` ...
//   await server.close();
//
// Routes (any method unless noted; query parameters in brackets):
//   /echo[/*]                 JSON: { method, path, url, query, headers, rawHeaders, body, bodyBase64, bodyLength }
//   /status/:code             that status, body "status <code>" (text/plain)
//   /set-cookie?name=value…   one Set-Cookie per query pair; [attrs] appended to each (e.g. "Path=/; HttpOnly")
//   /cookies                  JSON { cookie: <the Cookie header or null> }
//   /redirect/:n              302 to /redirect/(n-1) … /redirect/0 → 302 to /echo; [status] overrides 302
//   /redirect-to?url=…        [status=302] [cookie=name=value] redirects to url, optionally setting a cookie
//   /delay/:ms                answers JSON { delayed: ms } after ms (stops early if the client goes away)
//   /gzip /deflate /br        JSON { encoding } compressed with that Content-Encoding
//   /bad-gzip                 Content-Encoding gzip, but the body is not gzip
//   /unknown-encoding         Content-Encoding zstd (text/plain "not really zstd")
//   /bytes/:n                 n bytes (application/octet-stream, Content-Length), streamed with backpressure
//   /cut-off?length=&send=    promises Content-Length `length` (1000), sends `send` (120) bytes, destroys the socket
//   /bad-json                 Content-Type application/json, body `{"ok": true, oops}`
//   /json /text /html /xml    small bodies of those types; /json?body=… answers that text as JSON
//   /image                    a tiny PNG (image/png)
//   /empty                    204 No Content
//   /multi-header             two X-Multi headers and two Set-Cookie headers
//   /oauth/token              POST client_credentials (client auth Basic or in body). Client `client`/`secret`
//                             is valid; [expires_in] (3600) sets the lifetime; bad credentials → 401
//                             { error: "invalid_client", error_description }. Tokens are "token-<n>".
//   /oauth/protected          200 JSON { ok, token } for a Bearer token /oauth/token issued, else 401
//   /small                    a fixed 13-byte text body (benchmarks)
//   /response-headers?k=v…    each query pair as a response header; JSON body { headers: { k: v } }
//   /items/:n                 JSON { id: n, name: "item <n>", tags: ["a", "b"], price: n * 1.5 } (runner benches)
//   /big-json?mb=             a valid JSON array [{"id":0,"name":"item-0"},{"id":1,"name":"item-1"},…] of at least
//                             `mb` MiB (1; fractions allowed, at most 1024), streamed with backpressure and a
//                             Content-Length; bigJson(mb) tells how many items and bytes that is
//   anything else             404 JSON { error: "no route" }
//
// `hits(path)` counts requests per pathname; `requests` keeps the last 200 requests seen.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// The certs sit beside this file; when this module is bundled elsewhere (bench, e2e bundles) they
// are found from the project root instead.
const here = path.dirname(fileURLToPath(import.meta.url));
const certsDir =
  [path.join(here, 'certs'), path.join(process.cwd(), 'test', 'support', 'certs')].find((d) =>
    fs.existsSync(path.join(d, 'test-only-cert.pem')),
  ) ?? path.join(here, 'certs');
/** TEST-ONLY certificate and key (self-signed, CN=localhost, SAN 127.0.0.1 / ::1). Not secrets. */
export const TEST_CERT_PATH = path.join(certsDir, 'test-only-cert.pem');
export const TEST_KEY_PATH = path.join(certsDir, 'test-only-key.pem');

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyLength: number;
  secure: boolean;
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** https://127.0.0.1:<port> (self-signed TEST-ONLY certificate) */
  httpsUrl: string;
  /** How many requests reached this pathname (over HTTP and HTTPS together). */
  hits(pathname: string): number;
  /** The last 200 requests, oldest first. */
  requests: RecordedRequest[];
  /** Forgets hits, requests and issued OAuth tokens. */
  reset(): void;
  close(): Promise<void>;
}

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function startTestServer(): Promise<TestServer> {
  const hitCounts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const issuedTokens = new Set<string>();
  let tokenCounter = 0;

  const handler = (secure: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      hitCounts.set(url.pathname, (hitCounts.get(url.pathname) ?? 0) + 1);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        url: req.url ?? '',
        headers: req.headers,
        bodyLength: body.length,
        secure,
      });
      if (requests.length > 200) requests.shift();
      try {
        route(req, res, url, body, secure);
      } catch (err) {
        if (!res.headersSent) json(res, 500, { error: String(err) });
        else res.destroy();
      }
    });
  };

  const route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer, secure: boolean) => {
    const p = url.pathname;
    const q = url.searchParams;
    let m: RegExpMatchArray | null;

    if (p === '/echo' || p.startsWith('/echo/')) {
      const query: Record<string, string | string[]> = {};
      for (const key of new Set(q.keys())) {
        const all = q.getAll(key);
        query[key] = all.length === 1 ? all[0] : all;
      }
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      return json(res, 200, {
        method: req.method,
        path: p,
        url: req.url,
        secure,
        query,
        headers: req.headers,
        rawHeaders,
        body: body.toString('utf8'),
        bodyBase64: body.toString('base64'),
        bodyLength: body.length,
      });
    }
    if ((m = p.match(/^\/status\/(\d{3})$/))) {
      const code = Number(m[1]);
      res.writeHead(code, { 'Content-Type': 'text/plain' });
      return res.end(code === 204 || code === 304 ? undefined : `status ${code}`);
    }
    if (p === '/set-cookie') {
      const attrs = q.get('attrs') ?? 'Path=/';
      const cookies = [...q.entries()].filter(([k]) => k !== 'attrs').map(([k, v]) => `${k}=${v}; ${attrs}`);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': cookies });
      return res.end(JSON.stringify({ set: cookies }));
    }
    if (p === '/cookies') return json(res, 200, { cookie: req.headers.cookie ?? null });
    if ((m = p.match(/^\/redirect\/(\d+)$/))) {
      const n = Number(m[1]);
      const status = Number(q.get('status') ?? 302);
      const next = n > 0 ? `/redirect/${n - 1}${url.search}` : '/echo';
      res.writeHead(status, { Location: next, 'Content-Type': 'text/plain' });
      return res.end(`redirecting to ${next}`);
    }
    if (p === '/redirect-to') {
      const headers: http.OutgoingHttpHeaders = { Location: q.get('url') ?? '/echo' };
      const cookie = q.get('cookie');
      if (cookie) headers['Set-Cookie'] = `${cookie}; Path=/`;
      res.writeHead(Number(q.get('status') ?? 302), headers);
      return res.end();
    }
    if ((m = p.match(/^\/delay\/(\d+)$/))) {
      const ms = Number(m[1]);
      const timer = setTimeout(() => json(res, 200, { delayed: ms }), ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (p === '/gzip' || p === '/deflate' || p === '/br') {
      const encoding = p.slice(1);
      const plain = Buffer.from(JSON.stringify({ encoding, text: 'hello '.repeat(100) }));
      const packed =
        encoding === 'gzip' ? zlib.gzipSync(plain) : encoding === 'deflate' ? zlib.deflateSync(plain) : zlib.brotliCompressSync(plain);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Content-Length': packed.length });
      return res.end(packed);
    }
    if (p === '/bad-gzip' || p === '/unknown-encoding') {
      const encoding = p === '/bad-gzip' ? 'gzip' : 'zstd';
      const body = p === '/bad-gzip' ? 'this is not gzip data at all' : 'not really zstd';
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': encoding, 'Content-Length': body.length });
      return res.end(body);
    }
    if ((m = p.match(/^\/bytes\/(\d+)$/))) return streamBytes(res, Number(m[1]));
    if (p === '/cut-off') {
      const length = Number(q.get('length') ?? 1000);
      const send = Number(q.get('send') ?? 120);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': length });
      res.write(Buffer.alloc(send, 0x61), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (p === '/bad-json') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      return res.end('{"ok": true, oops}');
    }
    if (p === '/json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(q.get('body') ?? JSON.stringify({ hello: 'world', n: 1 }));
    }
    if (p === '/text') return send(res, 'text/plain; charset=utf-8', 'plain text ✓');
    if (p === '/html') return send(res, 'text/html', '<!doctype html><p>hi</p>');
    if (p === '/xml') return send(res, 'application/xml', '<?xml version="1.0"?><a><b>1</b></a>');
    if (p === '/image') return send(res, 'image/png', TINY_PNG);
    if (p === '/empty') {
      res.writeHead(204);
      return res.end();
    }
    if (p === '/multi-header') {
      res.setHeader('X-Multi', ['one', 'two']);
      res.setHeader('Set-Cookie', ['m1=a; Path=/', 'm2=b; Path=/']);
      return send(res, 'text/plain', 'multi');
    }
    if (p === '/oauth/token') return oauthToken(req, res, body, q);
    if (p === '/oauth/protected') {
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!issuedTokens.has(token)) return json(res, 401, { error: 'invalid_token' });
      return json(res, 200, { ok: true, token });
    }
    if (p === '/small') return send(res, 'text/plain', 'hello, world\n');
    if (p === '/response-headers') {
      const headers: Record<string, string> = {};
      for (const [k, v] of q.entries()) headers[k] = v;
      const text = JSON.stringify({ headers });
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      return res.end(text);
    }
    if ((m = p.match(/^\/items\/(\d+)$/))) {
      const n = Number(m[1]);
      return json(res, 200, { id: n, name: `item ${n}`, tags: ['a', 'b'], price: n * 1.5 });
    }
    if (p === '/big-json') return streamBigJson(res, Number(q.get('mb') ?? 1));
    return json(res, 404, { error: 'no route', path: p });
  };

  const oauthToken = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, q: URLSearchParams) => {
    if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'POST only' });
    const form = new URLSearchParams(body.toString('utf8'));
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('Basic ')) {
      const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return json(res, 400, { error: 'unsupported_grant_type', error_description: 'Only client_credentials' });
    }
    if (clientId !== 'client' || clientSecret !== 'secret') {
      return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const token = `token-${++tokenCounter}`;
    issuedTokens.add(token);
    return json(res, 200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: Number(q.get('expires_in') ?? 3600),
      scope: form.get('scope') ?? '',
    });
  };

  const server = http.createServer(handler(false));
  const secureServer = https.createServer(
    { cert: fs.readFileSync(TEST_CERT_PATH), key: fs.readFileSync(TEST_KEY_PATH) },
    handler(true),
  );
  const listen = (s: http.Server) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
    });
  const [port, securePort] = await Promise.all([listen(server), listen(secureServer)]);

  const stop = (s: http.Server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    httpsUrl: `https://127.0.0.1:${securePort}`,
    hits: (pathname) => hitCounts.get(pathname) ?? 0,
    requests,
    reset: () => {
      hitCounts.clear();
      requests.length = 0;
      issuedTokens.clear();
      tokenCounter = 0;
    },
    close: async () => {
      await Promise.all([stop(server), stop(secureServer)]);
    },
  };
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function send(res: http.ServerResponse, contentType: string, body: string | Buffer) {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Streams n bytes without holding them: one 64 KiB chunk written again and again, with backpressure. */
function streamBytes(res: http.ServerResponse, n: number) {
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = 97 + (i % 26);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': n });
  let left = n;
  const pump = () => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    left = 0;
  });
  pump();
}

const bigJsonItem = (id: number) => `{"id":${id},"name":"item-${id}"}`;

/** What /big-json?mb=… answers: the fewest items whose array is at least `mb` MiB, and its exact size. */
export function bigJson(mb: number): { items: number; bytes: number } {
  const target = Math.max(1, Math.round(Math.min(Math.max(Number.isFinite(mb) ? mb : 1, 0), 1024) * 1024 * 1024));
  let bytes = 2; // [ ]
  let items = 0;
  while (bytes < target || items === 0) {
    bytes += bigJsonItem(items).length + (items > 0 ? 1 : 0);
    items++;
  }
  return { items, bytes };
}

/** Streams the /big-json array in ~64 KiB pieces, with backpressure, never holding it whole. */
function streamBigJson(res: http.ServerResponse, mb: number) {
  const { items, bytes } = bigJson(mb);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
  let next = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const pump = () => {
    while (!closed && next < items) {
      let piece = next === 0 ? '[' : '';
      while (next < items && piece.length < 64 * 1024) piece += (next > 0 ? ',' : '') + bigJsonItem(next++);
      if (next === items) piece += ']';
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}
