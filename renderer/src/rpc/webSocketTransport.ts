// The web host transport: JSON text frames over one WebSocket to /rpc?token=….
//   client → server  { id, channel, input }
//   server → client  { id, reply } | { event, payload }
// The socket reconnects with backoff; calls in flight when it drops fail with a clear error.
import type { RpcReply } from '../../../shared/contract';
import { useConnection } from './connection';
import { RpcCallError } from './client';
import type { Transport } from './transport';

interface Pending {
  channel: string;
  resolve: (reply: RpcReply) => void;
  reject: (err: Error) => void;
}

/** Close codes a host may use to say "your token is not accepted". */
const REFUSED_CODES = new Set([1008, 4001, 4003, 4401, 4403]);
const MAX_BACKOFF_MS = 10_000;

export function webSocketTransport(token: string): Transport {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;
  let refused = false;

  const setState = useConnection.getState().set;

  function failPending(message: string) {
    queue.length = 0;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new RpcCallError('TRANSPORT', message, p.channel));
    }
  }

  function connect() {
    const ws = new WebSocket(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      everOpened = true;
      attempt = 0;
      setState({ status: 'open' });
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let msg: unknown;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (!msg || typeof msg !== 'object') return;
      const m = msg as { id?: unknown; reply?: unknown; event?: unknown; payload?: unknown };
      if (typeof m.id === 'number') {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        p.resolve(m.reply as RpcReply);
      } else if (typeof m.event === 'string') {
        for (const cb of listeners.get(m.event) ?? []) {
          try {
            cb(m.payload);
          } catch (err) {
            console.error(`[courier] ${m.event} listener failed`, err);
          }
        }
      }
    };
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      failPending(
        opened
          ? 'The connection to Courier was lost while this call was in flight. It will be retried when you try again.'
          : 'Could not reach Courier.',
      );
      // A refused token is final; never having connected after a few tries most likely is too
      // (a host answers a bad token by refusing the upgrade, which the browser reports as 1006).
      if (REFUSED_CODES.has(ev.code) || (!everOpened && attempt >= 2)) {
        refused = true;
        setState({
          status: 'refused',
          reason: ev.reason || 'The Courier host did not accept this page’s access token, or it is not running.',
        });
        return;
      }
      attempt++;
      const retryInMs = Math.min(MAX_BACKOFF_MS, 300 * 2 ** Math.min(attempt, 6)) * (0.75 + Math.random() * 0.5);
      setState({ status: 'reconnecting', attempt, retryInMs });
      setTimeout(() => {
        if (!refused) connect();
      }, retryInMs);
    };
  }

  connect();

  return {
    host: 'web',
    invoke(channel, input) {
      if (refused) {
        return Promise.reject(new RpcCallError('TRANSPORT', 'Not connected to Courier: the access token was refused.', channel));
      }
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, input });
      return new Promise<RpcReply>((resolve, reject) => {
        pending.set(id, { channel, resolve, reject });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => set.delete(cb);
    },
  };
}
