// The typed client: one method per contract channel. Each call goes through a transport and the
// RpcReply is unwrapped: a value is returned, an error is thrown as an RpcCallError.
import {
  channelNames,
  events,
  type ChannelName,
  type Client,
  type EventName,
  type EventPayload,
  type RpcError,
  type RpcReply,
} from '../../../shared/contract';
import type { Transport } from './transport';

export type RpcErrorCode = RpcError['code'] | 'TRANSPORT';

export class RpcCallError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly channel: string,
    readonly issues?: RpcError['issues'],
  ) {
    super(message);
    this.name = 'RpcCallError';
  }
}

function unwrap(channel: ChannelName, reply: RpcReply): unknown {
  if (reply && reply.ok === true) return reply.value;
  if (reply && reply.ok === false) {
    throw new RpcCallError(reply.error.code, reply.error.message, channel, reply.error.issues);
  }
  throw new RpcCallError('TRANSPORT', `The main process sent an unreadable answer to ${channel}`, channel);
}

export function createClient(transport: Transport): Client {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of channelNames) {
    client[name] = async (input: unknown) => {
      let reply: RpcReply;
      try {
        reply = await transport.invoke(name, input ?? {});
      } catch (err) {
        if (err instanceof RpcCallError) throw err;
        const message = err instanceof Error ? err.message : String(err);
        throw new RpcCallError('TRANSPORT', message, name);
      }
      return unwrap(name, reply);
    };
  }
  return client as unknown as Client;
}

/** Subscribes to one push event; payloads that do not match the contract are dropped. */
export function subscribe<E extends EventName>(
  transport: Transport,
  name: E,
  cb: (payload: EventPayload<E>) => void,
): () => void {
  const schema = events[name];
  return transport.on(name, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) cb(parsed.data as EventPayload<E>);
    else console.warn(`[courier] dropped malformed ${name} event`, parsed.error.issues);
  });
}
