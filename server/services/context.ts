// What every service needs: the store and the clock.
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';

export interface BillingContext {
  readonly store: Store;
  readonly clock: Clock;
}

export const nowIso = (ctx: BillingContext): string => ctx.clock.now().toISOString();
