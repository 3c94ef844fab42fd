// pm.test(name, fn) and pm.test.skip(name): synchronous tests, tests that return a promise, and
// tests that take a done callback. Results keep the order the tests were registered in.
import type { Output, TestRecord } from './output.js';
import { safeString } from './util.js';

export function makeTest(out: Output, self: () => unknown) {
  let index = 0;
  const settle = (rec: TestRecord, failed: boolean, err?: unknown) => {
    if (!rec.pending) return;
    rec.pending = false;
    if (failed) out.failTest(rec, err);
    else out.touch(rec);
  };
  const test = function test(name: unknown, fn?: unknown) {
    index++;
    const rec = out.addTest(safeString(name));
    if (!rec || typeof fn !== 'function') return self();
    if (fn.length > 0) {
      // done-callback style
      rec.pending = true;
      out.touch(rec);
      try {
        fn((err?: unknown) => settle(rec, Boolean(err), err));
      } catch (err) {
        if (rec.pending) {
          rec.pending = false;
          out.failTest(rec, err);
        }
      }
      return self();
    }
    try {
      const r = (fn as () => unknown)();
      if (r !== null && (typeof r === 'object' || typeof r === 'function') && typeof (r as { then?: unknown }).then === 'function') {
        rec.pending = true;
        out.touch(rec);
        Promise.resolve(r).then(
          () => settle(rec, false),
          (err) => settle(rec, true, err ?? new Error('the test promise was rejected')),
        );
      }
    } catch (err) {
      out.failTest(rec, err);
    }
    return self();
  };
  test.skip = function skip(name: unknown) {
    index++;
    out.addTest(safeString(name), true);
    return self();
  };
  test.index = () => index;
  return test;
}
