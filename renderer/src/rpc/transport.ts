// What a transport must do: carry one call to the main process and bring back its RpcReply,
// and deliver push events. The Electron preload and the web host's WebSocket both fit this shape.
import type { RpcReply } from '../../../shared/contract';

export type HostKind = 'electron' | 'web';

export interface Transport {
  invoke(channel: string, input: unknown): Promise<RpcReply>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  host: HostKind;
}

/** What the Electron preload exposes on `window.courier`. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<RpcReply>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  host: 'electron';
}

declare global {
  interface Window {
    courier?: PreloadBridge;
  }
}

export function electronTransport(bridge: PreloadBridge): Transport {
  return {
    host: 'electron',
    invoke: (channel, input) => bridge.invoke(channel, input),
    on: (event, cb) => bridge.on(event, cb),
  };
}
