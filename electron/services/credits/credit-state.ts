// Small persistent values of the credits service in the workspace (table credit_state, migration
// 005): this device's id, the billing account in use and, per account, the last entitlement
// snapshot. JSON values; synchronous like the rest of the store.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Entitlement } from '../../../shared/billing/api.js';

/** Where usage goes: the embedded personal server, or a shared team server signed in to. */
export type Account =
  | { kind: 'embedded'; token: string; email: string; teamId: string }
  | { kind: 'remote'; url: string; token: string; email: string };

const EMBEDDED_ACCOUNT = 'embedded';

/** The outbox's account key: embedded usage stays with the embedded team, remote per URL + email. */
export function accountKey(account: { kind: 'embedded' } | { kind: 'remote'; url: string; email: string }): string {
  return account.kind === 'embedded' ? EMBEDDED_ACCOUNT : `${account.url.replace(/\/+$/, '')}|${account.email.toLowerCase()}`;
}

export class CreditState {
  private readonly read: Database.Statement;
  /** Parsed snapshots by their stored text: parsed again only when another write changed it. */
  private readonly parsed = new Map<string, { raw: string; value: { entitlement: Entitlement; syncedAt: string } | undefined }>();

  constructor(private readonly db: Database.Database) {
    this.read = db.prepare('SELECT value FROM credit_state WHERE key = ?').pluck();
  }

  private raw(key: string): string | undefined {
    return this.read.get(key) as string | undefined;
  }

  private get(key: string): unknown {
    const raw = this.raw(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  }

  private set(key: string, value: unknown): void {
    if (value === undefined) {
      this.db.prepare('DELETE FROM credit_state WHERE key = ?').run(key);
      return;
    }
    this.db
      .prepare('INSERT INTO credit_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  /** This device's id, made once (INSERT OR IGNORE: two processes agree on the first one written). */
  deviceId(): string {
    this.db.prepare('INSERT OR IGNORE INTO credit_state (key, value) VALUES (?, ?)').run('deviceId', JSON.stringify(randomUUID()));
    return this.get('deviceId') as string;
  }

  /** The embedded team's credentials (made once by `init`). */
  embedded(): Extract<Account, { kind: 'embedded' }> | undefined {
    return this.get('account.embedded') as Extract<Account, { kind: 'embedded' }> | undefined;
  }

  /**
   * Keeps the first personal team written: when two processes (the app and the CLI) set one up at
   * the same moment, both go on with the same one. Answers the one kept.
   */
  setEmbedded(account: Extract<Account, { kind: 'embedded' }>, replace = false): Extract<Account, { kind: 'embedded' }> {
    if (replace) this.set('account.embedded', account);
    else this.db.prepare('INSERT OR IGNORE INTO credit_state (key, value) VALUES (?, ?)').run('account.embedded', JSON.stringify(account));
    return this.embedded() ?? account;
  }

  /** The shared team server signed in to, if any. */
  remote(): Extract<Account, { kind: 'remote' }> | undefined {
    return this.get('account.remote') as Extract<Account, { kind: 'remote' }> | undefined;
  }

  setRemote(account: Extract<Account, { kind: 'remote' }> | undefined): void {
    this.set('account.remote', account);
  }

  snapshot(account: string): { entitlement: Entitlement; syncedAt: string } | undefined {
    const key = `snapshot:${account}`;
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    const cached = this.parsed.get(key);
    if (cached?.raw === raw) return cached.value;
    const stored = JSON.parse(raw) as { entitlement: unknown; syncedAt: string };
    const parsed = Entitlement.safeParse(stored.entitlement);
    const value = parsed.success ? { entitlement: parsed.data, syncedAt: stored.syncedAt } : undefined;
    this.parsed.set(key, { raw, value });
    return value;
  }

  setSnapshot(account: string, entitlement: Entitlement, syncedAt: string): void {
    this.set(`snapshot:${account}`, { entitlement, syncedAt });
  }
}
