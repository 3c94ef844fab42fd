// console.* for scripts: each call becomes one entry of formatted arguments (see output.ts for
// the limits). Nothing reaches the real console.
import type { Output } from './output.js';
import { formatArg } from './inspect.js';

export function makeConsole(out: Output) {
  const timers = new Map<string, number>();
  const counts = new Map<string, number>();
  const at = (level: 'log' | 'info' | 'warn' | 'error' | 'debug') => (...args: unknown[]) => out.log(level, args);
  const label = (l: unknown) => (l === undefined ? 'default' : String(l));
  return {
    log: at('log'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    trace: at('debug'),
    dir: (value: unknown) => out.log('log', [formatArg(value)]),
    table: at('log'),
    clear: () => undefined,
    group: at('log'),
    groupCollapsed: at('log'),
    groupEnd: () => undefined,
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) out.log('error', ['Assertion failed' + (args.length ? ':' : ''), ...args]);
    },
    count: (l?: unknown) => {
      const key = label(l);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      out.log('info', [`${key}: ${n}`]);
    },
    countReset: (l?: unknown) => void counts.delete(label(l)),
    time: (l?: unknown) => void timers.set(label(l), Date.now()),
    timeLog: (l?: unknown, ...args: unknown[]) => {
      const start = timers.get(label(l));
      if (start !== undefined) out.log('info', [`${label(l)}: ${Date.now() - start}ms`, ...args]);
    },
    timeEnd: (l?: unknown) => {
      const start = timers.get(label(l));
      if (start === undefined) return;
      timers.delete(label(l));
      out.log('info', [`${label(l)}: ${Date.now() - start}ms`]);
    },
  };
}
