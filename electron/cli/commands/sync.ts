// `courier sync`: pushes the queued usage now; exits 1 when the server could not take all of it.
import { creditCommand, printJson } from './credits-session.js';

const USAGE = `usage: courier sync
  Sends the usage events queued in this workspace to the billing server and prints the result as JSON.`;

export const syncCommand = creditCommand('sync', 'pushes queued credit usage to the billing server now', USAGE, async (credits, io) => {
  const meter = await credits.sync();
  printJson(io, {
    state: meter.state,
    queued: { events: meter.queuedEvents, micro: meter.queuedMicro },
    rejected: meter.rejected.length,
    ...(meter.lastError ? { error: meter.lastError } : {}),
    server: meter.server,
  });
  if (meter.state === 'synced') return 0;
  io.stderr(`courier sync: ${meter.lastError ?? `${meter.queuedEvents} events are still queued`}\n`);
  return 1;
});
