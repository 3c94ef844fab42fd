// The audit log: every settings change — who, what, when, before → after.
import type { AuditEntry } from '../../shared/billing/api.js';
import type { Db, Tx } from '../db/transaction.js';

export interface AuditRecord {
  readonly teamId: string;
  /** null for operator commands. */
  readonly actorId: string | null;
  /** e.g. "team.plan", "team.ai", "member.payg", "member.invite", "member.remove", "member.roles", "user.ai" */
  readonly action: string;
  /** What changed: "team:<id>" or "user:<id>". */
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: string;
}

export async function recordAudit(tx: Tx, r: AuditRecord): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      team_id: r.teamId,
      actor_id: r.actorId,
      action: r.action,
      target: r.target,
      before_json: r.before === undefined ? null : JSON.stringify(r.before),
      after_json: r.after === undefined ? null : JSON.stringify(r.after),
      at: r.at,
    })
    .execute();
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** Newest first. */
export async function listAudit(db: Db, teamId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.seq', 'a.at', 'a.action', 'a.target', 'a.before_json', 'a.after_json', 'u.id as actor_id', 'u.email as actor_email', 'u.name as actor_name'])
    .where('a.team_id', '=', teamId)
    .orderBy('a.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.seq),
    at: r.at,
    actor: r.actor_id && r.actor_email !== null && r.actor_name !== null ? { id: r.actor_id, email: r.actor_email, name: r.actor_name } : null,
    action: r.action,
    target: r.target,
    before: parse(r.before_json),
    after: parse(r.after_json),
  }));
}

/** Past plan changes of a team, oldest first (for the plan in force at an instant). */
export async function planChanges(db: Db | Tx, teamId: string): Promise<{ at: string; before: unknown; after: unknown }[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'before_json', 'after_json'])
    .where('team_id', '=', teamId)
    .where('action', '=', 'team.plan')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ at: r.at, before: parse(r.before_json), after: parse(r.after_json) }));
}
