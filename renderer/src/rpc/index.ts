// Picks the transport at runtime: the Electron preload when present, else the web host's
// WebSocket. Everything else in the UI imports `rpc` and `onEvent` from here.
import type { Client, EventName, EventPayload } from '../../../shared/contract';
import { createClient, subscribe } from './client';
import { useConnection } from './connection';
import { readToken } from './token';
import { electronTransport, type Transport } from './transport';
import { webSocketTransport } from './webSocketTransport';

function pickTransport(): Transport | null {
  if (window.courier && typeof window.courier.invoke === 'function') {
    useConnection.getState().set({ status: 'open' });
    return electronTransport(window.courier);
  }
  const token = readToken();
  if (!token) {
    useConnection.getState().set({ status: 'no-token' });
    return null;
  }
  return webSocketTransport(token);
}

const transport: Transport | null = pickTransport();

/** A transport that refuses every call: used when there is no token, so nothing hangs. */
const offline: Transport = {
  host: 'web',
  invoke: (channel) => Promise.reject(new Error(`Not connected to Courier (${channel})`)),
  on: () => () => {},
};

export const rpc: Client = createClient(transport ?? offline);
export const host = (transport ?? offline).host;

export function onEvent<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void {
  return subscribe(transport ?? offline, name, cb);
}

export { RpcCallError } from './client';
