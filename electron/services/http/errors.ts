// Turns what can go wrong while sending into a SendError: a code the UI can act on and a plain,
// specific sentence a user can read. Nothing here throws.
import type { SendError, SendErrorCode } from '../../../shared/model.js';

/** A failure the engine raises on purpose (bad URL, missing file, timeout, cancel, auth). */
export class SendFailure extends Error {
  constructor(
    readonly code: SendErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** Where the failing request was going, for the message. */
export interface ErrorTarget {
  hostname: string;
  port: string;
  protocol: string;
  /** The proxy the request went through, if any. */
  proxy?: string | null;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
  path?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const TLS_VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_CRL',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL']);

function asErrorLike(err: unknown): ErrorLike {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : { message: String(err) };
}

/** The error and its causes, outermost first (undici and Node wrap the interesting one). */
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = err;
  while (current && out.length < 6) {
    const e = asErrorLike(current);
    out.push(e);
    // Happy eyeballs (autoSelectFamily) reports an AggregateError of the attempts: use the first.
    if (Array.isArray(e.errors) && e.errors.length > 0 && !e.code) out.push(...e.errors.map(asErrorLike));
    current = e.cause;
  }
  return out;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

export function toSendError(err: unknown, target?: ErrorTarget): SendError {
  if (err instanceof SendFailure) return { code: err.code, message: err.message };
  const errors = chain(err);
  const host = target ? `${target.hostname}:${target.port || (target.protocol === 'https:' ? '443' : '80')}` : 'the server';
  const proxy = target?.proxy ? safeUrl(target.proxy) : null;
  const proxyHost = proxy ? proxy.hostname.replace(/^\[|\]$/g, '') : undefined;
  const isProxy = (name: string | undefined) => proxyHost !== undefined && name === proxyHost;

  for (const e of errors) {
    const code = str(e.code) ?? '';
    const message = str(e.message) ?? 'unknown error';
    if (DNS_CODES.has(code)) {
      const name = str(e.hostname) ?? target?.hostname ?? 'the host';
      const hint = code === 'EAI_AGAIN' ? ' (the DNS server did not answer: are you offline?)' : '';
      const what = isProxy(name) ? 'the proxy host' : 'host';
      return { code: 'DNS', message: `Could not resolve ${what} ${name}${hint}` };
    }
    if (code === 'ECONNREFUSED') {
      const where = e.address ? `${str(e.address)}:${str(e.port) ?? target?.port ?? ''}` : host;
      const what = proxy && isProxy(str(e.address)) ? 'the proxy ' : '';
      return { code: 'CONNECTION_REFUSED', message: `Connection refused by ${what}${where}` };
    }
    if (TLS_VERIFY_CODES.has(code)) {
      return {
        code: 'TLS',
        message:
          `TLS certificate verification failed: ${message} (${host}). ` +
          `Turn off "Verify TLS certificates" in this request's settings to accept it anyway.`,
      };
    }
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /SSL routines|wrong version number/i.test(message)) {
      // OpenSSL says "<hex>:error:<code>:SSL routines:<function>:<reason>:<file>:<line>:".
      const reason = message.match(/error:[0-9A-Fa-f]+:[^:]*:[^:]*:([^:]+):/)?.[1] ?? message.trim();
      const hint = /wrong version number|packet length too long/i.test(reason) ? ' (is it an http:// server?)' : '';
      return { code: 'TLS', message: `The TLS handshake with ${host} failed: ${reason}${hint}` };
    }
    const proxyStatus = message.match(/Proxy response \((\d{3})\)/);
    if (proxyStatus && proxy) {
      const status = Number(proxyStatus[1]);
      const hint = status === 407 ? ': it wants credentials (put them in the proxy URL, http://user:password@host:port)' : '';
      return { code: 'NETWORK', message: `The proxy ${proxy.host} refused to connect to ${host} with status ${status}${hint}` };
    }
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
      return { code: 'TIMEOUT', message: `Could not connect to ${host}: the connection attempt timed out` };
    }
    if (code === 'ECONNRESET') return { code: 'NETWORK', message: `The connection to ${host} was reset` };
    if (code === 'EHOSTUNREACH') return { code: 'NETWORK', message: `Host ${host} is unreachable` };
    if (code === 'ENETUNREACH') return { code: 'NETWORK', message: `The network is unreachable (connecting to ${host})` };
    if (code === 'EADDRNOTAVAIL') return { code: 'NETWORK', message: `Cannot connect to ${host}: address not available` };
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      const file = str(e.path);
      if (file) return { code: 'FILE', message: `Could not read the file ${file} (${code})` };
    }
    if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
      return { code: 'NETWORK', message: `The server at ${host} closed the connection without answering` };
    }
    if (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED') {
      return { code: 'NETWORK', message: `The request could not be sent: ${message}` };
    }
    if (code.startsWith('HPE_') || /^Parse Error/i.test(message)) {
      return { code: 'NETWORK', message: `The answer from ${host} is not valid HTTP: ${message}` };
    }
  }
  const first = errors[0];
  return { code: 'NETWORK', message: `The request to ${host} failed: ${str(first?.message) ?? 'unknown error'}` };
}
