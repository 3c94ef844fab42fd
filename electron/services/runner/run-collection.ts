// The collection runner, one implementation for the app (Runner view) and the CLI (courier run):
// iterations over data rows, delay, bail, folder selection, flow control (setNextRequest by name
// or id, null ends the iteration; skipRequest), scripts in Postman's order and variables flowing
// from request to request. It reports each request as it finishes and keeps summaries only.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CollectionNode } from '../formats/item-tree.js';
import type { HttpEngine } from '../http/engine.js';
import type { ScriptRuntime } from '../scripting/types.js';
import { executeItem, type ItemContext } from './execute-item.js';
import { NextRequestLookup, planRequests, scriptsOf } from './plan.js';
import type { ItemProblem } from './runnable-collection.js';
import { RunVariables } from './run-variables.js';
import { createScriptHost } from './script-host.js';
import { RunTally } from './stats.js';
import type { Execution, RunEvent, RunOptions, RunResult } from './types.js';

export interface RunDependencies {
  engine: HttpEngine;
  /** Called once, at the first script of the run; the runtime is closed when the run ends. */
  createRuntime: () => Promise<ScriptRuntime>;
  onEvent?: (event: RunEvent) => void;
  /** Problems found before the run (skipped data rows): reported and counted as failures. */
  dataProblems?: string[];
  /** Requests and folders left out because they cannot be read: reported and counted as failures. */
  itemProblems?: ItemProblem[];
  /** A prefix for the engine's send ids, so a run can be cancelled. */
  runId?: string;
}

const DEFAULT_BODY_LIMIT = 100 * 1024 * 1024;

function lazyRuntime(create: () => Promise<ScriptRuntime>) {
  let pending: Promise<ScriptRuntime> | undefined;
  return {
    get: () => {
      if (!pending) {
        pending = create();
        pending.catch(() => undefined); // a failure is reported where a script awaits it
      }
      return pending;
    },
    close: async () => {
      if (pending) await (await pending.catch(() => undefined))?.close();
    },
  };
}

export async function runCollection(root: CollectionNode, options: RunOptions, deps: RunDependencies): Promise<RunResult> {
  const plan = planRequests(root, options.folders);
  const data = options.data ?? [];
  const iterations = Math.max(1, options.iterations ?? (data.length || 1));
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const variables = new RunVariables({ globals: options.globals, environment: options.environment, collection: root.variables });
  const runtime = lazyRuntime(deps.createRuntime);
  const ctx: ItemContext = {
    engine: deps.engine,
    runtime: runtime.get,
    host: createScriptHost(deps.engine, { timeoutMs: options.timeoutMs, insecure: options.insecure, bodyLimitBytes }),
    variables,
    options: { ...options, bodyLimitBytes },
    iterationCount: iterations,
  };
  const lookup = new NextRequestLookup(plan);
  // The first script from each position on: what the sandbox can compile ahead while a request
  // is on the wire (a hint; setNextRequest may go elsewhere).
  const firstScripts: (string | undefined)[] = [];
  for (let i = plan.length - 1; i >= 0; i--) firstScripts[i] = scriptsOf(plan[i])[0]?.code ?? firstScripts[i + 1];
  const tally = new RunTally();
  const executions: Execution[] = [];
  const emit = deps.onEvent ?? (() => undefined);
  const startedAt = new Date();
  const started = performance.now();
  const runId = deps.runId ?? 'run';
  let sequence = 0;
  let stoppedByBail = false;

  // The sandbox warms up (a worker, its libraries) while the first request is on the wire.
  if (firstScripts[0] !== undefined) void runtime.get();
  emit({ type: 'start', collection: { id: root.id, name: root.name }, iterations, requestsPerIteration: plan.length });
  for (const problem of deps.dataProblems ?? []) {
    tally.addDataProblem(problem);
    emit({ type: 'warning', message: problem });
  }
  for (const problem of deps.itemProblems ?? []) {
    tally.addItemProblem(problem.source, problem.message);
    emit({ type: 'warning', message: `${problem.source}: ${problem.message}` });
  }
  const aborted = () => options.signal?.aborted === true;
  let inFlight = '';
  const cancelInFlight = () => deps.engine.cancel(inFlight);
  options.signal?.addEventListener('abort', cancelInFlight);
  try {
    for (let iteration = 0; iteration < iterations && !stoppedByBail && !aborted(); iteration++) {
      emit({ type: 'iteration', iteration });
      tally.stats.iterations.total++;
      const row = data.length > 0 ? data[Math.min(iteration, data.length - 1)] : {};
      let position = 0;
      while (position < plan.length && !aborted()) {
        if (options.delayMs && options.delayMs > 0) await sleep(options.delayMs, undefined, { signal: options.signal }).catch(() => undefined);
        if (aborted()) break;
        inFlight = `${runId}-${++sequence}`;
        const upcoming = position + 1 < plan.length ? firstScripts[position + 1] : iteration + 1 < iterations ? firstScripts[0] : undefined;
        const outcome = await executeItem(ctx, plan[position], { iteration, data: row, sendId: inFlight, upcoming });
        executions.push(outcome.execution);
        tally.add(outcome.execution, outcome.scriptsRun);
        emit({ type: 'request', sequence, execution: outcome.execution, console: outcome.console });
        if (outcome.failed && options.bail) {
          stoppedByBail = true;
          break;
        }
        if (outcome.nextRequest === undefined) position++;
        else if (outcome.nextRequest === null) break; // ends this iteration
        else position = lookup.find(outcome.nextRequest) ?? plan.length; // unknown: ends this iteration
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', cancelInFlight);
    await runtime.close();
  }
  const result: RunResult = {
    collection: { id: root.id, name: root.name },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    cancelled: aborted(),
    stoppedByBail,
    stats: tally.stats,
    timings: tally.timings(performance.now() - started),
    executions,
    failures: tally.failures,
    variables: variables.final(),
  };
  emit({ type: 'done', result });
  return result;
}
