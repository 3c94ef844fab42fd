// An HTTP proxy on 127.0.0.1 between a client and a real server that misbehaves on purpose, for the
// fault tests of credit sync. Each request gets a fault from `choose` (default: none):
//   pass       forward, answer what the server answered
//   drop       destroy the client's connection before anything reaches the server
//   delay      wait `delayMs`, then pass
//   duplicate  send the request to the server twice (one after the other), answer the first answer
//   cut        forward, wait for the server's whole answer (it has committed), then destroy the
//              client's connection without answering
//   truncate   forward, send the status line and half the body, then destroy the connection
//   error      answer 502 without asking the server
// `down()` closes the listener (connection refused) and `up()` opens it again on the same port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export type Fault = 'pass' | 'drop' | 'delay' | 'duplicate' | 'cut' | 'truncate' | 'error';

export interface FaultProxyOptions {
  target: string;
  choose?: (request: { method: string; path: string; n: number }) => Fault;
  delayMs?: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Faults applied, by kind. */
  readonly counts: Record<Fault, number>;
  setChoose(choose: FaultProxyOptions['choose']): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, connection: 'close' };
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** A seeded PRNG (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A chooser that picks each fault with the given weights (pass gets the rest). */
export function randomFaults(random: () => number, weights: Partial<Record<Exclude<Fault, 'pass'>, number>>): () => Fault {
  return () => {
    let r = random();
    for (const [fault, weight] of Object.entries(weights) as [Fault, number][]) {
      if (r < weight) return fault;
      r -= weight;
    }
    return 'pass';
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  let choose = options.choose ?? (() => 'pass' as Fault);
  const counts: Record<Fault, number> = { pass: 0, drop: 0, delay: 0, duplicate: 0, cut: 0, truncate: 0, error: 0 };
  const sockets = new Set<Socket>();
  let n = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fault = choose({ method: req.method ?? 'GET', path: req.url ?? '/', n: n++ });
      counts[fault]++;
      void handle(fault, req, res, Buffer.concat(chunks)).catch(() => res.socket?.destroy());
    });
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    if (fault === 'drop') return void res.socket?.destroy();
    if (fault === 'error') {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('fault proxy: bad gateway');
      return;
    }
    if (fault === 'delay') await new Promise((r) => setTimeout(r, options.delayMs ?? 300));
    const answer = await forward(target, req, body);
    if (fault === 'duplicate') await forward(target, req, body).catch(() => undefined);
    if (fault === 'cut') return void res.socket?.destroy();
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    if (fault === 'truncate') {
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    res.end(answer.body);
  }

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setChoose: (next) => {
      choose = next ?? (() => 'pass');
    },
    down: stop,
    up: () => listen(port),
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
