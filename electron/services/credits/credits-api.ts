// What the credits handlers (handlers/credits.ts) and the CLI need from the credits service: the
// meter, sync, sign-in and an authenticated call to the team's billing server. The token stays in
// the main process; nothing here hands it out.
import type { z } from 'zod';
import type { CreditMeter } from '../../../shared/contract-credits.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SignInInput {
  url: string;
  email: string;
  password: string;
}

export interface CreditsApi {
  meter(): CreditMeter;
  /** Pushes the outbox now (all of it, batch after batch) and refreshes the snapshot. */
  sync(): Promise<CreditMeter>;
  signIn(input: SignInInput): Promise<CreditMeter>;
  signOut(): Promise<CreditMeter>;
  setMyAi(enabled: boolean): Promise<CreditMeter>;
  /** A call to /v1/teams/<this team><path> (path starts with '/' or '?', or is ''), answer parsed by `schema`. */
  teamCall<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, body?: unknown): Promise<z.output<S>>;
  /** A call to any path of the current server (e.g. /v1/me/notifications). */
  call<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, body?: unknown): Promise<z.output<S>>;
}
