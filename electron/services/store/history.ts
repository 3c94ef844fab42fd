// The send history: newest first, trimmed to a limit, each entry keeping the request as written
// and the result as received (minus bodies too large to keep).
import { randomUUID } from 'node:crypto';
import { notFound } from '../../../shared/errors.js';
import { RequestSpec, SendResult, type HistoryEntry } from '../../../shared/model.js';
import type { Connection } from './connection.js';
import { HISTORY_BODY_LIMIT, NAME_MAX } from './limits.js';
import { readJson, toHistoryEntry, type HistoryRow } from './rows.js';
import { parseWith } from './validate.js';

export interface AddHistoryInput {
  requestId: string | null;
  name: string;
  request: RequestSpec;
  result: SendResult;
}

/** Records a send, then drops all but the newest `limit` entries. */
export function addHistory(conn: Connection, input: AddHistoryInput, limit: number): HistoryEntry {
  return conn.transaction(() => {
    const request = parseWith(RequestSpec, input.request, 'request');
    const id = randomUUID();
    const result = forHistory({ ...parseWith(SendResult, input.result, 'result'), historyId: id });
    const entry: HistoryEntry = {
      id,
      requestId: input.requestId,
      name: input.name.trim().slice(0, NAME_MAX),
      method: result.sent?.method ?? request.method,
      url: result.sent?.url ?? request.url,
      status: result.response?.status ?? null,
      error: result.error?.message ?? null,
      durationMs: result.response?.timings.total ?? 0,
      size: result.response?.size.body ?? 0,
      sentAt: new Date().toISOString(),
    };
    conn
      .stmt(
        `INSERT INTO history (id, request_id, name, method, url, status, error, duration_ms, size, sent_at,
           request_json, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.id,
        entry.requestId,
        entry.name,
        entry.method,
        entry.url,
        entry.status,
        entry.error,
        entry.durationMs,
        entry.size,
        entry.sentAt,
        JSON.stringify(request),
        JSON.stringify(result),
      );
    conn
      .stmt('DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?)')
      .run(limit);
    return entry;
  });
}

/** The newest `limit` entries, newest first. */
export function listHistory(conn: Connection, limit: number): HistoryEntry[] {
  const n = Math.max(0, Math.trunc(limit) || 0);
  const rows = conn.stmt('SELECT * FROM history ORDER BY seq DESC LIMIT ?').all(n) as HistoryRow[];
  return rows.map(toHistoryEntry);
}

export function getHistory(conn: Connection, id: string): { entry: HistoryEntry; request: RequestSpec; result: SendResult } {
  const row = conn.stmt('SELECT * FROM history WHERE id = ?').get(id) as HistoryRow | undefined;
  if (!row) throw notFound('History entry', id);
  const what = `History entry "${row.name || row.url}" (${row.id})`;
  return {
    entry: toHistoryEntry(row),
    request: readJson(RequestSpec, row.request_json, `${what}: its request`),
    result: readJson(SendResult, row.result_json, `${what}: its result`),
  };
}

export function clearHistory(conn: Connection): void {
  conn.stmt('DELETE FROM history').run();
}

/** A response body too large to keep in history is replaced by a note saying so. */
function forHistory(result: SendResult): SendResult {
  const body = result.response?.body;
  if (!result.response || !body) return result;
  const length = body.kind === 'text' ? body.text.length : body.kind === 'base64' ? body.base64.length : 0;
  if (length <= HISTORY_BODY_LIMIT) return result;
  return {
    ...result,
    response: {
      ...result.response,
      body: { kind: 'empty' },
      bodyWarning: `The body (${result.response.size.body} bytes) was too large to keep in history.`,
    },
  };
}
