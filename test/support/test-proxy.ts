// A tiny real forward proxy on 127.0.0.1 for tests: it tunnels `CONNECT host:port` and forwards
// absolute-form requests (`GET http://host/path HTTP/1.1`), and records what went through it.
//
//   const proxy = await startTestProxy();            // or startTestProxy({ auth: 'user:pass' })
//   process.env.HTTP_PROXY = proxy.url;
//   ... proxy.seen → ['CONNECT 127.0.0.1:1234', 'GET http://127.0.0.1:1234/echo', …]
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** One line per request through the proxy: "CONNECT host:port" or "<METHOD> <absolute url>". */
  seen: string[];
  /** The Proxy-Authorization headers received, in order. */
  proxyAuthorizations: (string | undefined)[];
  close(): Promise<void>;
}

export async function startTestProxy(options: { auth?: string } = {}): Promise<TestProxy> {
  const seen: string[] = [];
  const proxyAuthorizations: (string | undefined)[] = [];
  const expected = options.auth ? `Basic ${Buffer.from(options.auth).toString('base64')}` : undefined;
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    proxyAuthorizations.push(req.headers['proxy-authorization']);
    if (expected && req.headers['proxy-authorization'] !== expected) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' });
      return res.end();
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400);
      return res.end('absolute-form request expected');
    }
    const headers: http.OutgoingHttpHeaders = { ...req.headers, 'x-via-test-proxy': '1' };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(
      { host: target.hostname, port: target.port || 80, path: target.pathname + target.search, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    proxyAuthorizations.push(req.headers['proxy-authorization']);
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (expected && req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const [host, port] = splitHostPort(req.url ?? '');
    const upstream = net.connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    proxyAuthorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function splitHostPort(authority: string): [string, number] {
  const m = authority.match(/^\[?([^\]]+?)\]?:(\d+)$/);
  return m ? [m[1], Number(m[2])] : [authority, 443];
}
