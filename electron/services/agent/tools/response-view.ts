// A send result as the model reads it: status, timing, headers, and the body within a budget
// (a large body as its shape and a sample). Secrets are taken out later, by the executor's Redactor.
import { bodyView } from '../../../../shared/agent/body-shape.js';
import type { SendResult } from '../../../../shared/model.js';

export const RESPONSE_BODY_BUDGET = 6_000;

export function responseView(result: SendResult, budget = RESPONSE_BODY_BUDGET): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (result.sent) out.sent = { method: result.sent.method, url: result.sent.url, headers: result.sent.headers };
  if (result.unresolved.length) out.unresolvedVariables = result.unresolved;
  if (result.error) out.error = result.error;
  const r = result.response;
  if (r) {
    const body = r.body;
    out.response = {
      status: r.status,
      statusText: r.statusText,
      timeMs: Math.round(r.timings.total),
      contentType: r.contentType,
      headers: r.headers,
      sizeBytes: r.size.body,
      body:
        body.kind === 'text'
          ? bodyView(body.text, budget)
          : body.kind === 'empty'
            ? { length: 0, truncated: false }
            : body.kind === 'file'
              ? { note: `Body too large to keep in memory (${r.size.body} bytes); saved to a file` }
              : { note: `Binary body, ${r.size.body} bytes` },
      ...(r.bodyWarning ? { bodyWarning: r.bodyWarning } : {}),
    };
  }
  if (result.tests) out.tests = result.tests;
  if (result.scriptErrors?.length) out.scriptErrors = result.scriptErrors;
  return out;
}

/** "GET https://… → 200 OK" or "GET https://… → CONNECTION_REFUSED". */
export function responseLine(result: SendResult, fallback: { method: string; url: string }): string {
  const m = result.sent?.method ?? fallback.method;
  const u = result.sent?.url ?? fallback.url;
  return `${m} ${u} → ${result.response ? `${result.response.status} ${result.response.statusText}`.trim() : (result.error?.code ?? 'no response')}`;
}
