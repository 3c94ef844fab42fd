// TEST-ONLY: runs a collection with newman's library API (newman.run) and lists, request by
// request, what happened to every test: the reference side of the differential test. Courier's
// side is put in the same shape by courierOutcomes.
import { createRequire } from 'node:module';
import type { RunResult } from '../../electron/services/runner/types.js';

const require = createRequire(import.meta.url);

export type Outcome = 'passed' | 'failed' | 'skipped';

/** One request of one iteration: its tests (sorted: async tests may finish in any order) and script errors. */
export interface ExecutionOutcome {
  key: string;
  tests: [name: string, outcome: Outcome][];
  scriptErrors: ('prerequest' | 'test')[];
}

interface NewmanItem {
  name: string;
  forEachParent(fn: (p: { name: string }) => void): void;
}
interface NewmanEmitter {
  on(event: string, fn: (err: Error | null, args: Record<string, unknown>) => void): NewmanEmitter;
}
type NewmanRun = (options: Record<string, unknown>, done: (err: Error | null) => void) => NewmanEmitter;

function pathOf(item: NewmanItem): string {
  const chain: string[] = [];
  item.forEachParent((p) => chain.unshift(p.name));
  return [...chain, item.name].join(' / ');
}

const byName = (a: [string, Outcome], b: [string, Outcome]) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0] < b[0] ? -1 : 1);

export interface NewmanOptions {
  collection: unknown;
  environment?: unknown;
  globals?: unknown;
  iterationData?: string;
  iterationCount?: number;
  folder?: string[];
  workingDir?: string;
}

export function newmanOutcomes(options: NewmanOptions): Promise<ExecutionOutcome[]> {
  const newman = require('newman') as { run: NewmanRun };
  const executions = new Map<string, ExecutionOutcome>();
  const at = (args: Record<string, unknown>) => executions.get((args.cursor as { ref: string }).ref)!;
  return new Promise((resolve, reject) => {
    newman
      .run({ ...options, reporters: [] }, (err) => {
        if (err) return reject(err);
        const list = [...executions.values()];
        for (const e of list) e.tests.sort(byName);
        resolve(list);
      })
      .on('beforeItem', (_err, args) => {
        const cursor = args.cursor as { iteration: number; ref: string };
        executions.set(cursor.ref, { key: `${cursor.iteration}:${pathOf(args.item as NewmanItem)}`, tests: [], scriptErrors: [] });
      })
      .on('assertion', (err, args) => {
        at(args).tests.push([String(args.assertion), args.skipped ? 'skipped' : err ? 'failed' : 'passed']);
      })
      .on('script', (err, args) => {
        if (err) at(args).scriptErrors.push((args.event as { listen: 'prerequest' | 'test' }).listen);
      });
  });
}

export function courierOutcomes(result: RunResult): ExecutionOutcome[] {
  return result.executions.map((e) => ({
    key: `${e.iteration}:${[...e.path, e.name].join(' / ')}`,
    tests: e.tests.map((t): [string, Outcome] => [t.name, t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']).sort(byName),
    scriptErrors: e.scriptErrors.map((s) => s.kind),
  }));
}
