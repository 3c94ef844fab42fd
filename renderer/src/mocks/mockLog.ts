// The live request log of the mocks: entries from mocks.log and from mocks.request events merged
// per mock (an entry seen both ways is kept once), newest first, bounded; and the log's filter.
import type { MockLogEntry } from '../../../shared/contract-design';

/** How many entries are kept per mock (mocks.log answers the newest 1,000 too). */
export const LOG_LIMIT = 1000;

/** Merges entries of one mock into its log: newest (highest seq) first, each seq once, at most `limit`. */
export function mergeLog(log: readonly MockLogEntry[], incoming: readonly MockLogEntry[], limit = LOG_LIMIT): MockLogEntry[] {
  if (incoming.length === 0) return log as MockLogEntry[];
  const bySeq = new Map<number, MockLogEntry>();
  for (const e of log) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, limit);
}

/** Groups events by their mock, keeping arrival order. */
export function byMock(entries: readonly MockLogEntry[]): Map<string, MockLogEntry[]> {
  const out = new Map<string, MockLogEntry[]>();
  for (const e of entries) {
    const list = out.get(e.mockId);
    if (list) list.push(e);
    else out.set(e.mockId, [e]);
  }
  return out;
}

/**
 * The entries a filter keeps: every word must appear in the method, path, status, match or
 * problems (case-insensitive); `4xx`-style words match a status class.
 */
export function filterLog(entries: readonly MockLogEntry[], filter: string): MockLogEntry[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries as MockLogEntry[];
  return entries.filter((e) => {
    const text = [e.method, e.path, String(e.status), e.match ?? 'no match', ...e.problems].join(' ').toLowerCase();
    return words.every((w) => (/^[1-5]xx$/.test(w) ? String(e.status)[0] === w[0] : text.includes(w)));
  });
}

/** `14:03:07.123` in local time. */
export function logTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
