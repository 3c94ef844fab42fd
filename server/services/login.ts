// Login with email and password, rate-limited per email + client address (failed attempts are
// rows in the database, so every server process sees them); logout revokes.
import { inTransaction } from '../db/transaction.js';
import { tooManyRequests, unauthorized } from '../http/problem.js';
import type { BillingContext } from './context.js';
import { nowIso } from './context.js';
import { newId } from './ids.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { issueToken, revokeToken } from './tokens.js';
import { normalizeEmail } from './users.js';

export interface LoginLimit {
  /** Failed attempts allowed per email + address within the window. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export async function login(
  ctx: BillingContext,
  limit: LoginLimit,
  input: { email: string; password: string; clientAddress: string },
): Promise<{ token: string }> {
  const { db } = ctx.store;
  const email = normalizeEmail(input.email);
  const key = `${email}|${input.clientAddress}`;
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - limit.windowMs).toISOString();

  // The attempt is recorded (committed) before it is counted, and counts as a failure until the
  // password proves right. So parallel guesses cannot all pass the check before any is recorded:
  // the k-th attempt to commit sees at least k rows, and only the first `maxFailures` get checked.
  const attemptId = newId();
  await inTransaction(ctx.store, (tx) => tx.insertInto('login_failures').values({ id: attemptId, key, at: now.toISOString() }).execute());
  const forget = () => inTransaction(ctx.store, (tx) => tx.deleteFrom('login_failures').where('id', '=', attemptId).execute());

  const recent = await db.selectFrom('login_failures').select(['at']).where('key', '=', key).where('at', '>', windowStart).orderBy('at').execute();
  if (recent.length > limit.maxFailures) {
    await forget();
    const oldest = Date.parse(recent[0].at);
    const retryAfter = Math.max(1, Math.ceil((oldest + limit.windowMs - now.getTime()) / 1000));
    throw tooManyRequests('Too many failed logins for this email from this address. Try again later.', retryAfter);
  }

  const user = await db.selectFrom('users').selectAll().where('email', '=', email).where('removed_at', 'is', null).executeTakeFirst();
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
  if (!user || !ok) {
    await inTransaction(ctx.store, (tx) => tx.deleteFrom('login_failures').where('key', '=', key).where('at', '<=', windowStart).execute());
    throw unauthorized('Wrong email or password.');
  }
  await forget();
  return { token: await inTransaction(ctx.store, (tx) => issueToken(tx, user.id, nowIso(ctx))) };
}

export async function logout(ctx: BillingContext, tokenHash: string): Promise<void> {
  await inTransaction(ctx.store, (tx) => revokeToken(tx, tokenHash, nowIso(ctx)));
}
