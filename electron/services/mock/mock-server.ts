// The HTTP side of a mock: a node:http server on the chosen host and port that reads each request
// (bounded), asks the engine for the answer, adds the latency and the CORS headers (answering
// preflights itself), and reports every answered request for the log.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, badInput, conflict } from '../../../shared/errors.js';
import { problemResponse } from './problem.js';
import type { MockEngine, MockRequest, MockResponse } from './types.js';

/** Request bodies larger than this are refused with 413 rather than read into memory. */
export const MAX_MOCK_BODY_BYTES = 16 * 1024 * 1024;

export interface MockServerOptions {
  host: string;
  port: number;
  latencyMs: number;
  cors: boolean;
}

export interface AnsweredRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  status: number;
  durationMs: number;
  match: string | null;
  problems: string[];
}

export interface RunningMockServer {
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS';

/** With an Origin, credentials are allowed, and then `*` exposes nothing: the response's own header names are listed. */
function corsHeaders(req: http.IncomingMessage, responseHeaders: Record<string, string>): Record<string, string> {
  const origin = req.headers.origin;
  const exposed = Object.keys(responseHeaders).join(', ');
  return origin
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', ...(exposed ? { 'access-control-expose-headers': exposed } : {}), vary: 'Origin' }
    : { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };
}

function isPreflight(req: http.IncomingMessage): boolean {
  return req.method === 'OPTIONS' && typeof req.headers.origin === 'string' && typeof req.headers['access-control-request-method'] === 'string';
}

function preflight(req: http.IncomingMessage): MockResponse {
  const requested = req.headers['access-control-request-headers'];
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': CORS_METHODS,
      'access-control-allow-headers': typeof requested === 'string' && requested ? requested : '*',
      'access-control-max-age': '86400',
    },
    body: '',
    match: 'CORS preflight',
    problems: [],
  };
}

function headerRecord(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MOCK_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request target as a URL: `//x` is the path `//x` (not a host), an absolute target its own URL; undefined when it is none. */
function requestUrl(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://mock.invalid${target}`) : new URL(target, 'http://mock.invalid');
  } catch {
    return undefined;
  }
}

function answer(engine: MockEngine, req: http.IncomingMessage, body: Buffer | undefined, cors: boolean): MockResponse {
  if (cors && isPreflight(req)) return preflight(req);
  if (body === undefined) {
    return problemResponse(413, 'Payload Too Large', `The request body is larger than the mock accepts (${MAX_MOCK_BODY_BYTES / 1048576} MB)`);
  }
  const url = requestUrl(req.url ?? '/');
  if (!url) return problemResponse(400, 'Bad Request', `The request target ${req.url} is not a valid URL`);
  const request: MockRequest = { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, headers: headerRecord(req), body };
  try {
    return engine.handle(request);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return problemResponse(500, 'Internal Server Error', `The mock could not answer: ${message}`);
  }
}

/**
 * Headers as node:http can send them: a non-ASCII value goes as its UTF-8 bytes; a name that is no
 * HTTP token, or a value with a line break or control character, is left out and said why (a saved
 * example or a spec's header example may hold either; node would throw and drop the connection).
 */
function sendableHeaders(headers: Record<string, string>): { headers: Record<string, string>; problems: string[] } {
  const out: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const bytes = /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
    try {
      http.validateHeaderName(name);
    } catch {
      problems.push(`response header \`${name}\` was left out: it is not a valid header name`);
      continue;
    }
    try {
      http.validateHeaderValue(name, bytes);
    } catch {
      problems.push(`response header \`${name}\` was left out: its value has a line break or control character`);
      continue;
    }
    out[name] = bytes;
  }
  return { headers: out, problems };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startMockServer(
  engine: MockEngine,
  options: MockServerOptions,
  onAnswered: (entry: AnsweredRequest) => void,
): Promise<RunningMockServer> {
  const server = http.createServer((req, res) => {
    const started = performance.now();
    readBody(req)
      .then(async (body) => {
        const response = answer(engine, req, body, options.cors);
        if (options.latencyMs > 0) await delay(options.latencyMs);
        const gone = res.destroyed;
        const { headers, problems } = sendableHeaders({ ...response.headers, ...(options.cors ? corsHeaders(req, response.headers) : {}) });
        // 1xx, 204 and 304 answers have no body (a saved 204 example with one is sent without it).
        const bodiless = response.status < 200 || response.status === 204 || response.status === 304;
        res.writeHead(response.status, bodiless ? headers : { ...headers, 'content-length': String(Buffer.byteLength(response.body)) });
        // A Buffer body: node then sends the head as latin1 bytes on its own (a string body would re-encode it as UTF-8).
        res.end(bodiless || req.method === 'HEAD' ? '' : Buffer.from(response.body));
        onAnswered({
          method: (req.method ?? 'GET').toUpperCase(),
          path: req.url ?? '/',
          status: response.status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          match: response.match,
          problems: [...response.problems, ...problems, ...(gone ? ['the client closed the connection before the answer was sent'] : [])],
        });
      })
      .catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, options)));
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host === '::' ? '::1' : options.host;
  return {
    host: options.host,
    port,
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listenError(err: NodeJS.ErrnoException, options: MockServerOptions): AppError {
  if (err.code === 'EADDRINUSE') return conflict(`Port ${options.port} on ${options.host} is already in use; choose another port (or 0 for any free one)`);
  if (err.code === 'EACCES') return badInput(`Port ${options.port} on ${options.host} needs privileges this app does not have; choose a port above 1023`);
  if (err.code === 'EADDRNOTAVAIL') return badInput(`${options.host} is not an address of this machine`);
  return new AppError('INTERNAL', `The mock could not listen on ${options.host}:${options.port}: ${err.message}`);
}
