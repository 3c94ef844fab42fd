// The web host: serves the same UI over HTTP on 127.0.0.1 and the IPC contract over a WebSocket,
// for running Courier in a browser where the Electron runtime is absent. Only a page that this host
// served and that holds this launch's random token can call it (see security/web-host-guard.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Handlers } from '../../shared/contract.js';
import { dispatch } from '../services/rpc/dispatch.js';
import type { EventBus } from '../services/events.js';
import { contentSecurityPolicy } from '../services/security/csp.js';
import { isInside } from '../services/security/path-guard.js';
import { checkHost, checkSocket } from '../services/security/web-host-guard.js';

export interface WebHostOptions {
  handlers: Handlers;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; random (32 bytes, base64url) by default. */
  token?: string;
}

export interface WebHost {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Largest RPC message: a file attached to a body travels as base64 (files.store). */
const MAX_MESSAGE_BYTES = 300 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;

  const server = http.createServer((req, res) => {
    const host = checkHost(req.headers.host, port);
    if (!host.ok) {
      res.writeHead(host.status, { 'content-type': 'text/plain' }).end(host.reason);
      return;
    }
    serveStatic(options.staticDir, req, res, port);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict =
      url.pathname === '/rpc'
        ? checkSocket({ host: req.headers.host, origin: req.headers.origin, token: url.searchParams.get('token') }, port, token)
        : ({ ok: false, status: 403, reason: 'Not an RPC endpoint' } as const);
    if (!verdict.ok) {
      const reason = verdict.status === 401 ? 'Unauthorized' : 'Forbidden';
      socket.end(`HTTP/1.1 ${verdict.status} ${reason}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${verdict.reason}`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSocket(ws: WebSocket, options: WebHostOptions): void {
  const unsubscribe = options.events.subscribe((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', unsubscribe);
  ws.on('message', async (data, isBinary) => {
    let message: { id?: unknown; channel?: unknown; input?: unknown };
    try {
      if (isBinary) throw new Error('binary frames are not part of the protocol');
      message = JSON.parse(data.toString());
    } catch (err) {
      ws.send(JSON.stringify({ id: null, reply: { ok: false, error: { code: 'BAD_INPUT', message: `Malformed message: ${(err as Error).message}` } } }));
      return;
    }
    const reply = await dispatch(options.handlers, message.channel, message.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id ?? null, reply }));
  });
}

function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse, port: number): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = path.join(root, relative);
  if (!isInside(root, file)) {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
    return;
  }
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      const missingApp = relative === 'index.html';
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(missingApp ? 'The UI is not built: run `npm run build`.' : 'Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'content-security-policy': contentSecurityPolicy({ webSocketPort: port }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}
