// A stand-in for the app in the kill test: records agent turns into the workspace outbox and syncs,
// forever, until it is SIGKILLed at a random point. COURIER_HOME is the workspace (already signed in
// to the billing server). Prints "ready" once running. With DRIVER_MODE=embedded it starts the
// embedded billing server instead, prints its URL and waits.
import { randomInt } from 'node:crypto';
import { CreditsService } from '../../electron/services/credits/credits-service.js';
import { openWorkspace } from '../../electron/services/store/workspace.js';

const home = process.env.COURIER_HOME!;
const workspace = openWorkspace(home);
const credits = new CreditsService({
  workspace,
  embedded: process.env.DRIVER_MODE === 'embedded',
  sync: { backoff: { baseMs: 5, capMs: 50 }, refreshMs: 0, timeoutMs: 2_000 },
});

if (process.env.DRIVER_MODE === 'embedded') {
  await credits.ready();
  process.stdout.write(`${credits.meter().server.url}\n`);
  setInterval(() => {}, 1_000);
} else {
  process.stdout.write('ready\n');
  let n = 0;
  for (;;) {
    const turns = randomInt(1, 6);
    workspace.transaction(() => {
      for (let i = 0; i < turns; i++) {
        credits.turnMeter.recordTurn({
          turnId: `${process.pid}-${n++}`,
          model: randomInt(4) === 0 ? 'gpt-4o' : 'gpt-4o-mini',
          occurredAt: new Date().toISOString(),
          status: (['completed', 'completed', 'cancelled', 'failed'] as const)[randomInt(4)],
          calls: Array.from({ length: randomInt(0, 4) }, () => ({ inputTokens: randomInt(0, 5000), outputTokens: randomInt(0, 2000), assetWrite: randomInt(2) === 0 })),
        });
      }
    });
    if (randomInt(3) === 0) await credits.engine.syncNow();
    else await new Promise((r) => setImmediate(r));
  }
}
