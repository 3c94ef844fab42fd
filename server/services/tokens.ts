// Bearer tokens: 32 random bytes, handed out once, stored only as their sha-256; revocable.
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../db/transaction.js';

const PREFIX = 'cbt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function issueToken(tx: Tx, userId: string, now: string): Promise<string> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  await tx.insertInto('tokens').values({ token_hash: hashToken(token), user_id: userId, created_at: now, revoked_at: null }).execute();
  return token;
}

export async function revokeToken(tx: Tx, tokenHash: string, now: string): Promise<void> {
  await tx.updateTable('tokens').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function revokeAllTokensOf(tx: Tx, userId: string, now: string): Promise<void> {
  await tx.updateTable('tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
