// The billing database, as Kysely sees it. One schema for SQLite and PostgreSQL: ids and instants
// are text (instants always `Date#toISOString()`, so they sort as text), flags are 0/1 integers,
// credits are integer micro-credits and money integer minor units (bigint columns).
import type { Generated, Insertable, Selectable } from 'kysely';

export type Flag = 0 | 1;

export interface TeamsTable {
  id: string;
  name: string;
  plan: string;
  ai_addon: Flag;
  /** The Enterprise team-level AI switch. */
  ai_enabled: Flag;
  billing_day: number;
  currency: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  team_id: string;
  /** Lower-cased; unique across the server (a user belongs to one team). */
  email: string;
  name: string;
  password_hash: string;
  /** Comma-separated roles, e.g. "admin,billing". */
  roles: string;
  /** The user's own Settings → AI switch (non-Enterprise plans). */
  ai_enabled: Flag;
  /** Pay-as-you-go enabled for this member by a billing user. */
  payg_enabled: Flag;
  created_at: string;
  removed_at: string | null;
}

export interface TokensTable {
  /** sha-256 of the token, hex; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  /** lower-cased email + "|" + client address */
  key: string;
  at: string;
}

export interface UsageEventsTable {
  id: string;
  team_id: string;
  user_id: string;
  device_id: string;
  seq: number;
  occurred_at: string;
  received_at: string;
  kind: string;
  model: string;
  rate_card_version: number;
  /** The calls as received, JSON. */
  calls: string;
  /** sha-256 of the canonical payload: a replay must match it. */
  payload_hash: string;
  credits_micro: number;
  included_micro: number;
  payg_micro: number;
  unfunded_micro: number;
  /** The cycle the event is booked in (start instant). */
  cycle_start: string;
  /** The UTC day the event counts on in the daily series. */
  booked_day: string;
  /** 1 when it arrived after its own cycle was closed and was booked in a later one. */
  late: Flag;
}

export interface UsageTotalsTable {
  team_id: string;
  user_id: string;
  cycle_start: string;
  cycle_end: string;
  included_micro: number;
  payg_micro: number;
  unfunded_micro: number;
}

export interface NotificationsTable {
  id: string;
  team_id: string;
  recipient_id: string;
  subject_id: string;
  kind: string;
  cycle_start: string;
  cycle_end: string;
  message: string;
  created_at: string;
  /** Added by 2026_11_25_001_notification_read_state. */
  read_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  team_id: string;
  /** null when an operator command made the change. */
  actor_id: string | null;
  action: string;
  target: string;
  before_json: string | null;
  after_json: string | null;
  at: string;
}

export interface InvoicesTable {
  id: string;
  team_id: string;
  cycle_start: string;
  cycle_end: string;
  currency: string;
  total_minor: number;
  /** Invoice lines, JSON (the wire shape). */
  lines: string;
  issued_at: string;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  tokens: TokensTable;
  login_failures: LoginFailuresTable;
  usage_events: UsageEventsTable;
  usage_totals: UsageTotalsTable;
  notifications: NotificationsTable;
  audit_log: AuditLogTable;
  invoices: InvoicesTable;
}

export type TeamRow = Selectable<TeamsTable>;
export type UserRow = Selectable<UsersTable>;
export type UsageEventInsert = Insertable<UsageEventsTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
