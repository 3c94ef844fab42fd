// Exponential backoff with full jitter: attempt n waits a random time in [base, min(cap, base·2^n)].
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, { baseMs, capMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(baseMs + random() * Math.max(0, ceiling - baseMs));
}
