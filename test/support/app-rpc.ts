// Asks the running app (the web host) over its RPC socket, as the renderer does, with the typed
// channels of the contract: what an E2E test checks "via the app" beside what the page shows.
import WebSocket from 'ws';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract.js';
import type { RunningApp } from './app.js';

interface Reply {
  id?: number;
  reply?: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
}

/** One call on a socket of its own; rejects with the app's error code and message. */
export async function appRpc<C extends ChannelName>(app: RunningApp, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const socket = new WebSocket(`ws://127.0.0.1:${app.port}/rpc?token=${encodeURIComponent(app.token)}`, { origin: app.origin });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ id: 1, channel, input }));
    const reply = await new Promise<NonNullable<Reply['reply']>>((resolve, reject) => {
      socket.on('message', (data: WebSocket.RawData) => {
        const msg = JSON.parse(data.toString()) as Reply;
        if (msg.id === 1 && msg.reply) resolve(msg.reply);
      });
      socket.once('close', () => reject(new Error(`the app closed the socket before answering ${channel}`)));
    });
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as ChannelOutput<C>;
  } finally {
    socket.close();
  }
}
