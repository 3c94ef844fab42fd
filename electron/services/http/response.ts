// The HttpResponse the UI gets for the final hop of a send.
import { STATUS_CODES } from 'node:http';
import type { Cookie, HttpResponse, Timings } from '../../../shared/model.js';
import type { HopResult } from './exchange.js';
import { answerBody } from './response-body.js';

export interface ResponseParts {
  url: URL;
  hop: HopResult;
  timings: Timings;
  cookies: Cookie[];
  redirects: { status: number; url: string }[];
  bodyLimitBytes: number;
}

/** undici speaks HTTP/1.1 on every connection the engine opens (no h2 is negotiated). */
const HTTP_VERSION = '1.1';

export function buildResponse(p: ResponseParts): HttpResponse {
  const { head, stored } = p.hop;
  const statusText = head.statusText || STATUS_CODES[head.status] || '';
  const contentType = head.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const answered = stored ? answerBody(stored, contentType, p.bodyLimitBytes) : { body: { kind: 'empty' as const } };
  const warning = p.hop.warning ?? ('warning' in answered ? answered.warning : undefined);
  return {
    status: head.status,
    statusText,
    httpVersion: HTTP_VERSION,
    url: p.url.href,
    headers: head.headers,
    cookies: p.cookies,
    contentType,
    timings: p.timings,
    size: {
      // The status line, every header line and the blank line, as received.
      headers:
        Buffer.byteLength(`HTTP/${HTTP_VERSION} ${head.status} ${statusText}\r\n`) +
        head.headers.reduce((n, [k, v]) => n + Buffer.byteLength(`${k}: ${v}\r\n`), 0) +
        2,
      // The body after content decoding (what the user sees and what a saved file holds), not the
      // possibly compressed bytes on the wire.
      body: stored ? (stored.kind === 'file' ? stored.size : stored.buffer.length) : 0,
    },
    body: answered.body,
    ...(warning ? { bodyWarning: warning } : {}),
    redirects: p.redirects,
  };
}
