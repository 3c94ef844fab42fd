// Errors a mock answers with: RFC 9457 problem details (`application/problem+json`), with each
// problem as one plain line in `errors` so a user reads them without a JSON Schema manual.
import type { MockResponse } from './types.js';

export function problemResponse(
  status: number,
  title: string,
  detail: string,
  problems: string[] = [],
  extra: { headers?: Record<string, string>; match?: string | null; fields?: Record<string, unknown> } = {},
): MockResponse {
  const body: Record<string, unknown> = { type: 'about:blank', title, status, detail, ...extra.fields };
  if (problems.length > 0) body.errors = problems;
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
    body: JSON.stringify(body, null, 2),
    match: extra.match ?? null,
    problems: problems.length > 0 ? problems : [detail],
  };
}
