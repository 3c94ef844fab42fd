// A closed-loop HTTP load generator (the autocannon model): N connections, each sending its next
// request as soon as the last answer arrived, for a fixed time; reports requests/s and latency
// percentiles.
import { Pool } from 'undici';

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

/** One request of a mix: GET unless a method is given; an answer other than `expectStatus` (200) counts as an error. */
export interface LoadRequest {
  readonly path: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly expectStatus?: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(options: {
  url: string;
  path: string;
  connections: number;
  durationMs: number;
  headers?: (i: number) => Record<string, string>;
  /** A request mix instead of GET `path`: the n-th request sent (over all connections). */
  request?: (n: number) => LoadRequest;
}): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const loop = async (i: number) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const r: LoadRequest = options.request?.(sent++) ?? { path: options.path, headers: options.headers?.(i) };
        const res = await pool.request({ path: r.path, method: r.method ?? 'GET', headers: r.headers, body: r.body });
        await res.body.text();
        if (res.statusCode !== (r.expectStatus ?? 200)) errors++;
        else latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => loop(i)));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors };
}
