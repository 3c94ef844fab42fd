import { describe, expect, it } from 'vitest';
import type { CreditAlert } from '../../../shared/contract-credits';
import { freshAlerts, parseAlertLog } from './alertLog';
import { testMeter } from './testMeter';

const at75: CreditAlert = { kind: 'credits_75', message: 'You have used 75% of your 400 monthly credits.' };
const at100: CreditAlert = { kind: 'credits_100', message: 'You have used all 400 of your monthly credits.' };

describe('freshAlerts', () => {
  it('shows each alert once per cycle', () => {
    const meter = testMeter();
    const first = freshAlerts([], meter, [at75]);
    expect(first.show).toEqual([at75]);
    const again = freshAlerts(first.log, meter, [at75, at100]);
    expect(again.show).toEqual([at100]);
    expect(freshAlerts(again.log, meter, [at75, at100]).show).toEqual([]);
  });
  it('shows them again in the next cycle and for another user', () => {
    const { log } = freshAlerts([], testMeter(), [at75]);
    const next = testMeter({}, { cycle: { start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' } });
    expect(freshAlerts(log, next, [at75]).show).toEqual([at75]);
    const bill = testMeter({}, { user: { id: 'u-bill', email: 'bill@acme.test', name: 'Bill' } });
    expect(freshAlerts(log, bill, [at75]).show).toEqual([at75]);
  });
  it('ignores alerts without a snapshot and keeps the log bounded', () => {
    expect(freshAlerts([], testMeter({ snapshot: null }), [at75]).show).toEqual([]);
    let log: readonly string[] = [];
    for (let i = 0; i < 100; i++) {
      log = freshAlerts(log, testMeter({}, { cycle: { start: `c${i}`, end: 'x' } }), [at75]).log;
    }
    expect(log.length).toBe(60);
    expect(log.at(-1)).toContain('c99');
  });
  it('reads a stored log and survives garbage', () => {
    expect(parseAlertLog('["a","b",3]')).toEqual(['a', 'b']);
    expect(parseAlertLog('{oops')).toEqual([]);
    expect(parseAlertLog(null)).toEqual([]);
  });
});
