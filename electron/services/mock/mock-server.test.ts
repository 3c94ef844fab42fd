// The HTTP side every mock shares, over real loopback sockets: CORS as a browser needs it (and none
// at all when it is off), and a latency whose client gives up.
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
