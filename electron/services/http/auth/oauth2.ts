// OAuth 2.0 client credentials (RFC 6749 §4.4). The token is fetched from the token URL, cached
// (keyed by token URL + client id + scope) and reused until it is about to expire (`expires_in`,
// less 10% of its lifetime, at most 30 s, so it is not used in its last moments). A token without
// `expires_in` is kept until a resource answers 401, which drops it so the next send fetches anew.
import { SendFailure, toSendError } from '../errors.js';
import type { AuthContext, AuthOf, AuthScheme } from './types.js';

interface CachedToken {
  accessToken: string;
  tokenType: string;
  /** Epoch ms after which the token is fetched again; null when the server gave no lifetime. */
  refreshAt: number | null;
}

const cacheKey = (auth: AuthOf<'oauth2'>) => `${auth.accessTokenUrl}|${auth.clientId}|${auth.scope}`;

function readCache(ctx: AuthContext, key: string): CachedToken | null {
  const raw = ctx.tokenCache.get(key);
  if (!raw) return null;
  try {
    const token = JSON.parse(raw) as Partial<CachedToken>;
    if (typeof token.accessToken !== 'string' || token.accessToken === '') return null;
    if (typeof token.refreshAt === 'number' && ctx.now() >= token.refreshAt) return null;
    return { accessToken: token.accessToken, tokenType: token.tokenType ?? 'Bearer', refreshAt: token.refreshAt ?? null };
  } catch {
    return null;
  }
}

async function fetchToken(auth: AuthOf<'oauth2'>, ctx: AuthContext): Promise<CachedToken> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope.trim()) form.set('scope', auth.scope.trim());
  const headers: [string, string][] = [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['Accept', 'application/json'],
  ];
  if (auth.clientAuthentication === 'body') {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  } else {
    // RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded.
    const pair = `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`;
    headers.push(['Authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`]);
  }

  const startedAt = ctx.now();
  let answer: Awaited<ReturnType<AuthContext['postForm']>>;
  try {
    answer = await ctx.postForm(auth.accessTokenUrl, headers, form.toString());
  } catch (err) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    throw new SendFailure('AUTH', `Could not fetch the OAuth 2.0 token from ${auth.accessTokenUrl}: ${toSendError(err).message}`);
  }

  const body = parseTokenBody(answer.text, answer.contentType);
  if (answer.status < 200 || answer.status >= 300) {
    const error = typeof body.error === 'string' ? body.error : undefined;
    const description = typeof body.error_description === 'string' ? body.error_description : undefined;
    const detail = error ? [error, description].filter(Boolean).join(': ') : answer.text.trim().slice(0, 300) || '(no body)';
    throw new SendFailure(
      'AUTH',
      `The OAuth 2.0 token request to ${auth.accessTokenUrl} failed with status ${answer.status}: ${detail}`,
    );
  }
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new SendFailure(
      'AUTH',
      `The OAuth 2.0 token endpoint ${auth.accessTokenUrl} answered without an access_token: ${answer.text.trim().slice(0, 300)}`,
    );
  }
  const expiresIn = Number(body.expires_in);
  let refreshAt: number | null = null;
  if (Number.isFinite(expiresIn) && expiresIn > 0) {
    const lifetime = expiresIn * 1000;
    refreshAt = startedAt + lifetime - Math.min(30_000, lifetime * 0.1);
  }
  const tokenType = typeof body.token_type === 'string' && body.token_type.toLowerCase() !== 'bearer' ? body.token_type : 'Bearer';
  return { accessToken: body.access_token, tokenType, refreshAt };
}

/** Token responses are JSON (RFC 6749 §5.1); a few old servers answer form-encoded. */
function parseTokenBody(text: string, contentType: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    if (/x-www-form-urlencoded|text\/plain/i.test(contentType)) return Object.fromEntries(new URLSearchParams(text));
  }
  return {};
}

export const oauth2Auth: AuthScheme<'oauth2'> = {
  type: 'oauth2',
  async apply(auth, target, ctx) {
    const key = cacheKey(auth);
    let token = readCache(ctx, key);
    if (!token) {
      token = await fetchToken(auth, ctx);
      ctx.tokenCache.set(key, JSON.stringify(token));
    }
    target.headers.setDefault('Authorization', `${token.tokenType} ${token.accessToken}`);
  },
  onResponse(auth, status, ctx) {
    if (status === 401) ctx.tokenCache.set(cacheKey(auth), '');
  },
};
