// Sends the outbox to the billing server (POST /v1/usage/events, ≤ 1,000 events a batch) and keeps
// the entitlement snapshot fresh. Accepted and duplicate ids are marked sent; rejected ones are kept
// with the server's reason and never resent. A failure to reach the server (refused, reset, timeout,
// 5xx) is retried with backoff and jitter; the outbox lives in SQLite, so a restart picks up where a
// killed process stopped, and the server's dedupe by event id makes every resend count once.
import { Entitlement, MAX_EVENTS_PER_BATCH, UsageBatchResponse, type UsageEvent } from '../../../shared/billing/api.js';
import type { SyncState } from '../../../shared/contract-credits.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { billingCall, BillingRefused, BillingUnreachable } from './billing-client.js';
import type { Outbox } from './outbox.js';

/** Where to sync to now; undefined while there is none (the embedded server is starting). */
export interface SyncTarget {
  url: string;
  token: string;
  account: string;
}

export interface SyncStatus {
  state: SyncState;
  lastError?: string;
  lastSyncedAt?: string;
}

export interface SyncEngineOptions {
  outbox: Outbox;
  target: () => SyncTarget | undefined;
  onSnapshot: (account: string, entitlement: Entitlement, at: string) => void;
  onStatus: (status: SyncStatus) => void;
  batchSize?: number;
  /** Batches on the wire at once (default 2). */
  concurrency?: number;
  backoff?: BackoffOptions;
  /** How often the snapshot is refreshed when nothing is queued (default 30 s; 0: never). */
  refreshMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}

export class SyncEngine {
  private status: SyncStatus = { state: 'synced' };
  private running: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** Why the timer is set: a retry keeps its backoff against nudges; a refresh gives way to them. */
  private timerKind: 'retry' | 'refresh' | undefined;
  private failures = 0;
  private stopped = false;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly backoff: BackoffOptions;

  constructor(private readonly options: SyncEngineOptions) {
    this.batchSize = Math.min(options.batchSize ?? MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH);
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.backoff = options.backoff ?? { baseMs: 500, capMs: 30_000 };
  }

  get current(): SyncStatus {
    return this.status;
  }

  /** Syncs soon (after a turn); a retry already scheduled keeps its backoff. */
  nudge(): void {
    if (this.stopped || this.timerKind === 'retry') return;
    if (this.running) {
      this.again = true; // picked up when the run on the wire succeeds; after a failure the backoff decides
      return;
    }
    void this.syncNow().catch(() => {});
  }

  /**
   * Pushes everything queued now, batch after batch, and refreshes the snapshot; resolves when the
   * queue is empty or a failure stopped it (the status says which; a retry is then scheduled).
   */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      // A run already on the wire may have started before what the caller asks for (the server is
      // back, a new sign-in): one more full run follows it, shared by every caller meanwhile.
      this.followUp ??= this.running.then(() => {
        this.followUp = undefined;
        return this.syncNow();
      });
      return this.followUp;
    }
    this.clearTimer();
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** Resolves once nothing is on the wire. */
  async idle(): Promise<void> {
    while (this.running || this.followUp) await (this.followUp ?? this.running);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerKind = undefined;
  }

  private setStatus(next: SyncStatus): void {
    this.status = next;
    this.options.onStatus(next);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const target = this.options.target();
      if (!target) return;
      try {
        await this.pushAll(target);
      } catch (err) {
        this.fail(err);
        return;
      }
      this.failures = 0;
      this.setStatus({ state: 'synced', lastSyncedAt: this.nowIso() });
    } while (this.again && !this.stopped);
    this.scheduleRefresh();
  }

  private async pushAll(target: SyncTarget): Promise<void> {
    const inFlight = new Set<string>();
    let pushed = false;
    // Up to `concurrency` batches on the wire at once (the server takes them in any order); each
    // worker takes the oldest queued events no other worker holds.
    const worker = async (): Promise<void> => {
      for (;;) {
        const batch = this.options.outbox.nextBatch(target.account, this.batchSize, inFlight);
        if (batch.length === 0) return;
        if (!pushed) this.setStatus({ ...this.status, state: 'syncing' });
        pushed = true;
        for (const b of batch) inFlight.add(b.event.id);
        try {
          await this.pushBatch(target, batch.map((b) => b.event));
        } finally {
          for (const b of batch) inFlight.delete(b.event.id);
        }
      }
    };
    const results = await Promise.allSettled(Array.from({ length: this.concurrency }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (!pushed) {
      const entitlement = await billingCall(
        target.url,
        { method: 'GET', path: '/v1/me/entitlement', token: target.token, timeoutMs: this.options.timeoutMs },
        Entitlement,
      );
      this.options.onSnapshot(target.account, entitlement, this.nowIso());
    }
  }

  private async pushBatch(target: SyncTarget, events: UsageEvent[]): Promise<void> {
    const answer = await billingCall(
      target.url,
      { method: 'POST', path: '/v1/usage/events', token: target.token, body: { events }, timeoutMs: this.options.timeoutMs },
      UsageBatchResponse,
    );
    const at = this.nowIso();
    this.options.outbox.settle([...answer.accepted, ...answer.duplicates], answer.rejected, at);
    this.options.onSnapshot(target.account, answer.entitlement, at);
    const answered = new Set([...answer.accepted, ...answer.duplicates, ...answer.rejected.map((r) => r.id)]);
    if (!events.every((e) => answered.has(e.id))) {
      throw new BillingRefused(200, 'The billing server did not answer for every event of a batch; they stay queued.');
    }
  }

  private fail(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    const offline = err instanceof BillingUnreachable;
    if (err instanceof BillingRefused && err.status === 401) {
      this.setStatus({ ...this.status, state: 'error', lastError: `The billing server no longer accepts this sign-in: ${message} Sign in again.` });
    } else {
      this.setStatus({ ...this.status, state: offline ? 'offline' : 'error', lastError: message });
    }
    if (this.stopped) return;
    const delay = Math.max(backoffDelay(this.failures++, this.backoff), offline ? (err.retryAfterMs ?? 0) : 0);
    this.schedule('retry', delay);
  }

  private scheduleRefresh(): void {
    const every = this.options.refreshMs ?? 30_000;
    if (this.stopped || every <= 0) return;
    this.schedule('refresh', every);
  }

  private schedule(kind: 'retry' | 'refresh', delayMs: number): void {
    this.clearTimer();
    this.timerKind = kind;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerKind = undefined;
      void this.syncNow().catch(() => {});
    }, delayMs);
    this.timer.unref();
  }

  private nowIso(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
