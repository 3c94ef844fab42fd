// Injectable time. The server never calls Date.now() for business decisions; it asks its Clock,
// so tests (and BILLING_NOW) can move a team through cycle ends.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Starts at `start` and advances in real time from there (BILLING_NOW). */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export function parseInstant(text: string, what: string): Date {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new Error(`${what} is not an ISO instant: ${text}`);
  return d;
}
