// The interface every auth type implements: it adds what it needs to the outgoing request
// (headers or query), and may look at the response (OAuth 2.0 drops a token the server refused).
import type { Auth, RequestSettings } from '../../../../shared/model.js';
import type { HeaderList } from '../headers.js';

export interface TokenCache {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** What the request looks like while auth is applied; modules change it in place. */
export interface AuthTarget {
  url: URL;
  headers: HeaderList;
}

export interface AuthContext {
  settings: RequestSettings;
  signal: AbortSignal;
  tokenCache: TokenCache;
  now(): number;
  /** POSTs a form (a token request) through the engine's dispatchers (proxy, TLS settings). */
  postForm(url: string, headers: [string, string][], form: string): Promise<{ status: number; contentType: string; text: string }>;
}

export type AuthOf<T extends Auth['type']> = Extract<Auth, { type: T }>;

export interface AuthScheme<T extends Auth['type']> {
  readonly type: T;
  apply(auth: AuthOf<T>, target: AuthTarget, ctx: AuthContext): void | Promise<void>;
  /** Called with the status of the final response. */
  onResponse?(auth: AuthOf<T>, status: number, ctx: AuthContext): void;
}
