// The outbox of usage events in the workspace database (migration 005). It is also the client's
// ledger: an event is never deleted, only moved from 'queued' to 'sent' or 'rejected'.
// Every method is synchronous (better-sqlite3), so `add` runs inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { RejectReason, UsageEvent } from '../../../shared/billing/api.js';
import type { RejectedUsage } from '../../../shared/contract-credits.js';

export interface NewUsage {
  id: string;
  account: string;
  turnId: string;
  occurredAt: string;
  model: string;
  rateCardVersion: number;
  calls: UsageEvent['calls'];
  creditsMicro: number;
}

export interface QueuedEvent {
  event: UsageEvent;
  creditsMicro: number;
}

interface OutboxRow {
  id: string;
  seq: number;
  occurred_at: string;
  model: string;
  rate_card_version: number;
  calls_json: string;
  credits_micro: number;
}

export interface Totals {
  events: number;
  micro: number;
}

export class Outbox {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly deviceId: () => string,
  ) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Queues one event with the next sequence number; answers the sequence. */
  add(usage: NewUsage): number {
    // A savepoint inside the caller's transaction; its own write transaction when called alone, so
    // two processes on one workspace never take the same sequence number.
    const insert = () => {
      const seq = this.stmt('SELECT COALESCE(MAX(seq), 0) + 1 FROM credit_outbox').pluck().get() as number;
      this.stmt(
        `INSERT INTO credit_outbox (id, seq, account, turn_id, occurred_at, model, rate_card_version, calls_json, credits_micro)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(usage.id, seq, usage.account, usage.turnId, usage.occurredAt, usage.model, usage.rateCardVersion, JSON.stringify(usage.calls), usage.creditsMicro);
      return seq;
    };
    return this.db.inTransaction ? insert() : this.db.transaction(insert).immediate();
  }

  /** The oldest queued events of `account`, as the wire shape (DESIGN §6). */
  nextBatch(account: string, limit: number, excludeIds: ReadonlySet<string> = new Set()): QueuedEvent[] {
    const rows = this.stmt(
      `SELECT id, seq, occurred_at, model, rate_card_version, calls_json, credits_micro FROM credit_outbox
       WHERE account = ? AND status = 'queued' ORDER BY seq LIMIT ?`,
    ).all(account, limit + excludeIds.size) as OutboxRow[];
    const deviceId = this.deviceId();
    return rows
      .filter((r) => !excludeIds.has(r.id))
      .slice(0, limit)
      .map((r) => ({
        creditsMicro: r.credits_micro,
        event: {
          id: r.id,
          deviceId,
          seq: r.seq,
          occurredAt: r.occurred_at,
          kind: 'agent.turn' as const,
          model: r.model,
          rateCardVersion: r.rate_card_version,
          calls: JSON.parse(r.calls_json) as UsageEvent['calls'],
        },
      }));
  }

  /** Records the server's answer for a batch in one transaction. */
  settle(sent: readonly string[], rejected: readonly { id: string; reason: RejectReason; message: string }[], at: string): void {
    const markSent = this.stmt(
      `UPDATE credit_outbox SET status = 'sent', sent_at = ? WHERE status = 'queued' AND id IN (SELECT value FROM json_each(?))`,
    );
    const markRejected = this.stmt(
      `UPDATE credit_outbox SET status = 'rejected', reject_reason = ?, reject_message = ?, sent_at = ? WHERE id = ? AND status = 'queued'`,
    );
    this.db.transaction(() => {
      if (sent.length > 0) markSent.run(at, JSON.stringify(sent));
      for (const r of rejected) markRejected.run(r.reason, r.message, at, r.id);
    }).immediate();
  }

  queued(account: string): Totals {
    const row = this.stmt(
      `SELECT COUNT(*) AS events, COALESCE(SUM(credits_micro), 0) AS micro FROM credit_outbox WHERE account = ? AND status = 'queued'`,
    ).get(account) as Totals;
    return row;
  }

  /** The ledger: every event the server has or will have (queued + sent), rejected ones left out. */
  ledger(account: string): Totals {
    return this.stmt(
      `SELECT COUNT(*) AS events, COALESCE(SUM(credits_micro), 0) AS micro FROM credit_outbox WHERE account = ? AND status != 'rejected'`,
    ).get(account) as Totals;
  }

  rejected(account: string, limit = 50): RejectedUsage[] {
    const rows = this.stmt(
      `SELECT id, occurred_at, credits_micro, reject_reason, reject_message FROM credit_outbox
       WHERE account = ? AND status = 'rejected' ORDER BY seq DESC LIMIT ?`,
    ).all(account, limit) as { id: string; occurred_at: string; credits_micro: number; reject_reason: RejectReason; reject_message: string }[];
    return rows.map((r) => ({ id: r.id, occurredAt: r.occurred_at, credits: r.credits_micro, reason: r.reject_reason, message: r.reject_message }));
  }
}
