// Who may drive the web host: only a page the web host itself served, holding this launch's token.
// Host is checked against DNS rebinding, Origin against other web pages, the token against other
// local programs and users. All three must hold.
import { timingSafeEqual } from 'node:crypto';

export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  token: string | null | undefined;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** For the RPC WebSocket: Host, Origin and token. */
export function checkSocket(input: GuardInput, port: number, expectedToken: string): GuardVerdict {
  const hosts = allowedHosts(port);
  if (!input.host || !hosts.includes(input.host.toLowerCase())) {
    return { ok: false, status: 403, reason: `Host ${input.host ?? '(none)'} is not this web host` };
  }
  if (!input.origin || !hosts.map((h) => `http://${h}`).includes(input.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: `Origin ${input.origin ?? '(none)'} may not connect` };
  }
  if (!tokensMatch(expectedToken, input.token)) {
    return { ok: false, status: 401, reason: 'Missing or wrong token: open the URL printed by npm start' };
  }
  return { ok: true };
}

/** For plain page and asset requests: Host only (the assets are the app's public code). */
export function checkHost(host: string | undefined, port: number): GuardVerdict {
  if (!host || !allowedHosts(port).includes(host.toLowerCase())) {
    return { ok: false, status: 403, reason: `Host ${host ?? '(none)'} is not this web host` };
  }
  return { ok: true };
}
