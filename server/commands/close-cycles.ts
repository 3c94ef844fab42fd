// npm run server -- close-cycles --now ISO
// → one JSON line: {"now", "invoices":[{teamId, invoiceId, cycle, totalMinor}]}; running it twice
// (or twice at once) issues nothing more.
import { parseInstant, type Clock } from '../clock.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Store } from '../db/store.js';
import { closeCycles, type ClosedCycle } from '../services/cycle-closing.js';
import { allowOnly, parseArgs } from './args.js';

export async function closeCyclesCommand(argv: readonly string[], store: Store, clock: Clock): Promise<{ now: string; invoices: ClosedCycle[] }> {
  const args = parseArgs(argv, []);
  allowOnly(args, ['now']);
  const nowText = args.values.get('now');
  const now = nowText ? parseInstant(nowText, '--now') : clock.now();
  await migrateToLatest(store);
  return { now: now.toISOString(), invoices: await closeCycles({ store, clock: { now: () => now } }, now) };
}
