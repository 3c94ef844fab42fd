// A received JSON response as a SendResult (an active tab's last response), for the agent's tests
// and its bench, without sending anything.
import type { SendResult } from '../../shared/model.js';

export function jsonSendResult(text: string, options: { status?: number; statusText?: string; url?: string; headers?: [string, string][] } = {}): SendResult {
  return {
    sendId: 'fixture',
    unresolved: [],
    response: {
      status: options.status ?? 200,
      statusText: options.statusText ?? 'OK',
      httpVersion: '1.1',
      url: options.url ?? 'https://api.test/',
      headers: options.headers ?? [['content-type', 'application/json']],
      cookies: [],
      contentType: 'application/json',
      timings: { dns: 0, connect: 0, tls: 0, firstByte: 1, download: 1, total: 2 },
      size: { headers: 30, body: text.length },
      body: { kind: 'text', text },
      redirects: [],
    },
  };
}
