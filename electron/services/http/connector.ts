// A connector for undici's Agent that measures each new connection for real: the DNS lookup, the
// TCP connect and the TLS handshake. The numbers ride on the socket; the request that first uses
// a socket takes them, so a request on a reused (pooled) connection reports 0 for those phases.
import dns from 'node:dns';
import diagnostics from 'node:diagnostics_channel';
import net from 'node:net';
import tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import type { buildConnector } from 'undici';

export interface ConnectionTimings {
  dns: number;
  connect: number;
  tls: number;
}

const ZERO: ConnectionTimings = { dns: 0, connect: 0, tls: 0 };
const measured = new WeakMap<net.Socket, ConnectionTimings & { taken: boolean }>();

export function createTimedConnector(options: { rejectUnauthorized: boolean }): buildConnector.connector {
  const sessions = new Map<string, Buffer>();
  return (target, callback) => {
    const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
    const timings = { dns: 0, connect: 0, tls: 0, taken: false };
    const start = performance.now();
    let lookedUpAt: number | undefined;
    let connectedAt: number | undefined;

    const lookup: net.LookupFunction = (hostname, lookupOptions, cb) => {
      const t0 = performance.now();
      dns.lookup(hostname, lookupOptions, (err, address, family) => {
        lookedUpAt = performance.now();
        timings.dns += lookedUpAt - t0;
        cb(err, address, family);
      });
    };

    let socket: net.Socket;
    if (target.protocol === 'https:') {
      const servername = target.servername || (net.isIP(host) ? undefined : host);
      const sessionKey = `${servername ?? host}:${target.port}`;
      socket = tls.connect({
        host,
        port: Number(target.port) || 443,
        servername,
        lookup,
        socket: target.httpSocket,
        session: sessions.get(sessionKey),
        rejectUnauthorized: options.rejectUnauthorized,
        ALPNProtocols: ['http/1.1'],
      });
      socket.on('session', (session: Buffer) => {
        if (sessions.size > 100) sessions.clear();
        sessions.set(sessionKey, session);
      });
    } else {
      socket = net.connect({ host, port: Number(target.port) || 80, lookup });
    }
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    measured.set(socket, timings);

    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      if (err) callback(err, null);
      else callback(null, socket);
    };
    socket.once('connect', () => {
      connectedAt = performance.now();
      timings.connect = connectedAt - (lookedUpAt ?? start);
      if (target.protocol !== 'https:') finish(null);
    });
    if (target.protocol === 'https:') {
      socket.once('secureConnect', () => {
        timings.tls = performance.now() - (connectedAt ?? start);
        finish(null);
      });
    }
    socket.on('error', (err) => finish(err));
  };
}

/**
 * The connection timings for a request that was just written on `socket`: the socket's own numbers
 * the first time, zeros after that (the connection was reused) or for sockets not made here
 * (a proxy tunnel).
 */
function takeTimings(socket: net.Socket): ConnectionTimings {
  const t = measured.get(socket);
  if (!t || t.taken) return ZERO;
  t.taken = true;
  return { dns: t.dns, connect: t.connect, tls: t.tls };
}

// undici writes a request's headers synchronously right after it hands the request its socket
// (handler.onRequestStart, then the `undici:client:sendHeaders` diagnostics message carrying the
// socket). A request registers itself in onRequestStart and the message delivers the socket to it.
let waiting: ((socket: net.Socket) => void) | null = null;
diagnostics.subscribe('undici:client:sendHeaders', (message) => {
  const deliver = waiting;
  waiting = null;
  const socket = (message as { socket?: unknown }).socket;
  if (deliver && socket instanceof net.Socket) deliver(socket);
});

/** Call from onRequestStart: `onSent` gets the connection timings as the headers go out. */
export function onHeadersSent(onSent: (timings: ConnectionTimings) => void): void {
  const deliver = (socket: net.Socket) => onSent(takeTimings(socket));
  waiting = deliver;
  // If undici does not go on to write (the request was aborted first), forget the registration.
  queueMicrotask(() => {
    if (waiting === deliver) waiting = null;
  });
}
