// The HTTP side every mock shares, over real loopback sockets: CORS as a browser needs it (and none
// at all when it is off), and a latency whose client gives up.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type Served } from './serve.fixture.js';
import type { MockEngine } from './types.js';

let server: Served | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers every request with 200, a custom header and its own method; OPTIONS included. */
const echo: MockEngine = {
  name: 'echo',
  handle: (req) => ({ status: 200, headers: { 'content-type': 'application/json', 'x-rate': '5' }, body: JSON.stringify({ method: req.method }), match: `${req.method} echo`, problems: [] }),
};

const preflight = { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-token' } };

describe('mock server: CORS', () => {
  it('with CORS off, a preflight is not answered by the mock: the engine answers it like any OPTIONS, with no CORS headers', async () => {
    server = await serve(echo, { cors: false });
    const res = await fetch(`${server.url}/things`, preflight);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ method: 'OPTIONS' });
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a request with an Origin (credentials allowed) gets the response\'s own header names exposed, since `*` means nothing with credentials', async () => {
    server = await serve(echo);
    const res = await fetch(`${server.url}/things`, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')?.split(', ')).toContain('x-rate');
  });
});

describe('mock server: latency', () => {
  it('a client that gives up during the latency is logged as gone, not as answered', async () => {
    server = await serve(echo, { latencyMs: 300 });
    await expect(fetch(`${server.url}/things`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.answered).toHaveLength(1);
    expect(server.answered[0]).toMatchObject({ method: 'GET', path: '/things', status: 200, match: 'GET echo' });
    expect(server.answered[0].problems).toEqual(['the client closed the connection before the answer was sent']);
  });
});

/** Sends one raw request line (what fetch would never send) and returns the raw answer. */
function rawRequest(url: string, line: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let out = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`));
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
  });
}

describe('mock server: odd request targets', () => {
  it('a target that is no URL gets a 400 saying so (the connection was dropped); //x is the path //x, not a host', async () => {
    server = await serve(echo);
    const bad = await rawRequest(server.url, 'GET http://[bad/pets HTTP/1.1');
    expect(bad).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(bad).toContain('The request target http://[bad/pets is not a valid URL');
    expect(server.answered[0]).toMatchObject({ status: 400, path: 'http://[bad/pets', match: null });
    const engineSaw: string[] = [];
    await server.close();
    server = await serve({ name: 'paths', handle: (req) => (engineSaw.push(req.path), echo.handle(req)) });
    expect(await rawRequest(server.url, 'GET //x/y?q=1 HTTP/1.1')).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(engineSaw).toEqual(['//x/y']);
  });
});
