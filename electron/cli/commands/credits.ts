// `courier credits`: the credit meter (DESIGN §3): the entitlement snapshot of §6 plus `queued`,
// one JSON object. It syncs first; offline it prints the cached snapshot and says so in `sync`.
import { creditCommand, printJson } from './credits-session.js';

const USAGE = `usage: courier credits
  Prints the credit meter as one JSON object: the entitlement snapshot, queued usage
  (events and micro-credits), remaining included micro-credits and the sync state.`;

export const creditsCommand = creditCommand('credits', 'prints the credit meter (entitlement snapshot plus queued usage)', USAGE, async (credits, io) => {
  const meter = await credits.sync();
  if (!meter.snapshot) {
    io.stderr(`courier credits: ${meter.lastError ?? 'no entitlement snapshot yet: the billing server was never reached'}\n`);
    return 1;
  }
  printJson(io, {
    ...meter.snapshot,
    queued: { events: meter.queuedEvents, micro: meter.queuedMicro },
    remainingMicro: meter.remainingMicro,
    sync: { state: meter.state, ...(meter.lastError ? { error: meter.lastError } : {}), ...(meter.lastSyncedAt ? { lastSyncedAt: meter.lastSyncedAt } : {}) },
    server: meter.server,
  });
  return 0;
});
