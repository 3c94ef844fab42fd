import { describe, expect, it } from 'vitest';
import { billingDayFor, cycleAnchorMs, cycleContaining, cycleDays, isWithin, nextCycle, previousCycle } from './cycles.js';

const d = (s: string) => `${s}T00:00:00.000Z`;

describe('billing cycles', () => {
  it('anchors on the billing day', () => {
    expect(cycleContaining('2026-03-15T12:00:00Z', 10)).toEqual({ start: d('2026-03-10'), end: d('2026-04-10') });
    expect(cycleContaining('2026-03-05T12:00:00Z', 10)).toEqual({ start: d('2026-02-10'), end: d('2026-03-10') });
    expect(cycleContaining(d('2026-03-10'), 10)).toEqual({ start: d('2026-03-10'), end: d('2026-04-10') });
    expect(cycleContaining('2026-03-09T23:59:59.999Z', 10).end).toBe(d('2026-03-10'));
  });

  it('moves day 31 to the last day of shorter months and back', () => {
    expect(cycleContaining('2026-02-10T00:00:00Z', 31)).toEqual({ start: d('2026-01-31'), end: d('2026-02-28') });
    expect(cycleContaining('2026-03-01T00:00:00Z', 31)).toEqual({ start: d('2026-02-28'), end: d('2026-03-31') });
    expect(cycleContaining('2026-04-30T00:00:00Z', 31)).toEqual({ start: d('2026-04-30'), end: d('2026-05-31') });
    expect(cycleContaining('2026-12-31T10:00:00Z', 31)).toEqual({ start: d('2026-12-31'), end: d('2027-01-31') });
  });

  it('knows leap years (29 February)', () => {
    expect(cycleContaining('2028-02-15T00:00:00Z', 31)).toEqual({ start: d('2028-01-31'), end: d('2028-02-29') });
    expect(cycleContaining('2028-02-29T00:00:00Z', 30)).toEqual({ start: d('2028-02-29'), end: d('2028-03-30') });
    expect(cycleContaining('2100-02-28T00:00:00Z', 29)).toEqual({ start: d('2100-02-28'), end: d('2100-03-29') }); // 2100 is not leap
    expect(cycleContaining('2000-02-29T00:00:00Z', 29)).toEqual({ start: d('2000-02-29'), end: d('2000-03-29') }); // 2000 is
  });

  it('keeps years 0–99 as they are (Date.UTC would move them to 1900–1999)', () => {
    expect(cycleContaining('0050-03-15T00:00:00.000Z', 10)).toEqual({ start: '0050-03-10T00:00:00.000Z', end: '0050-04-10T00:00:00.000Z' });
    expect(cycleContaining('0099-12-31T12:00:00.000Z', 31)).toEqual({ start: '0099-12-31T00:00:00.000Z', end: '0100-01-31T00:00:00.000Z' });
    expect(cycleContaining('0004-02-29T00:00:00.000Z', 31).start).toBe('0004-02-29T00:00:00.000Z'); // year 4 is leap
  });

  it('walks forwards and backwards across the year', () => {
    let c = cycleContaining('2026-01-31T00:00:00Z', 31);
    const starts = [c.start];
    for (let i = 0; i < 12; i++) {
      c = nextCycle(c, 31);
      starts.push(c.start);
    }
    expect(starts.map((s) => s.slice(0, 10))).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31',
      '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31',
    ]);
    expect(previousCycle(cycleContaining(d('2026-01-05'), 1), 1)).toEqual({ start: d('2025-12-01'), end: d('2026-01-01') });
  });

  it('lists the days of a cycle and tells membership', () => {
    const c = cycleContaining(d('2026-02-10'), 31);
    expect(cycleDays(c)).toHaveLength(28);
    expect(cycleDays(c)[0]).toBe('2026-01-31');
    expect(isWithin(c.start, c)).toBe(true);
    expect(isWithin(c.end, c)).toBe(false);
    expect(billingDayFor('2026-05-31T22:00:00Z')).toBe(31);
    expect(() => cycleAnchorMs(2026, 0, 32)).toThrow();
  });
});
