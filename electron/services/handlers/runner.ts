// The Runner view's channels: start a run of a collection (or some of its folders and requests)
// with an environment, iterations and a data file; cancel it; read its result; export its report.
// Progress arrives as runner.progress events. The run itself is the same runner the CLI uses.
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { Environment } from '../../../shared/model.js';
import { loadCollectionTree } from '../formats/item-tree.js';
import { parseCsvData, parseJsonData } from '../runner/data-file.js';
import { planRequests } from '../runner/plan.js';
import { htmlReport, jsonReport, junitXml } from '../runner/reporters/index.js';
import { runCollection } from '../runner/run-collection.js';
import { RunRegistry } from '../runner/run-registry.js';
import { createSandboxRuntime } from '../runner/sandbox.js';
import type { RunEvent, RunResult } from '../runner/types.js';
import type { HandlerContext } from './context.js';

type RunnerHandlers = Pick<Handlers, 'runner.start' | 'runner.cancel' | 'runner.get' | 'runner.report'>;

function dataRows(data: { fileName: string; text: string } | undefined) {
  if (!data) return { rows: undefined, problems: [] };
  const json = /\.json$/i.test(data.fileName) || /^\uFEFF?\s*\[/.test(data.text);
  return json ? parseJsonData(data.text, data.fileName) : parseCsvData(data.text, data.fileName);
}

const REPORT_EXTENSIONS = { json: 'json', junit: 'xml', html: 'html' } as const;

export function runnerHandlers(ctx: HandlerContext): RunnerHandlers {
  const { workspace, engine, events } = ctx;
  const registry = ctx.runs ?? new RunRegistry();
  const createRuntime = ctx.createScriptRuntime ?? createSandboxRuntime;

  const persist = (result: RunResult, collectionId: string, environment: Environment | undefined) => {
    workspace.transaction(() => {
      if (environment) workspace.updateEnvironment({ id: environment.id, variables: result.variables.environment });
      workspace.setGlobals(result.variables.globals);
      workspace.updateItem({ id: collectionId, variables: result.variables.collection });
    });
    events.emit('workspace.changed', { what: 'environments' });
    events.emit('workspace.changed', { what: 'tree' });
  };

  return {
    'runner.start': async (input) => {
      const tree = loadCollectionTree(workspace, input.collectionId);
      const requestsPerIteration = planRequests(tree, input.itemIds).length; // unknown ids: BAD_INPUT now, not later
      const environmentId = input.environmentId === undefined ? workspace.getSettings().activeEnvironmentId : input.environmentId;
      const environment = environmentId ? workspace.getEnvironment(environmentId) : undefined;
      const { rows, problems } = dataRows(input.data);
      const iterations = input.iterations ?? (rows?.length || 1);
      const runId = randomUUID();
      const signal = registry.begin(runId);
      const emit = (e: RunEvent) => {
        if (e.type === 'done') {
          const { executions: _executions, variables: _variables, ...summary } = e.result;
          events.emit('runner.progress', { runId, type: 'done', summary });
        } else events.emit('runner.progress', { runId, ...e });
      };
      // Started after this answer, so the view knows the runId before the first event.
      setTimeout(() => {
        runCollection(
          tree,
          {
            iterations,
            data: rows,
            folders: input.itemIds,
            delayMs: input.delayMs,
            bail: input.bail,
            timeoutMs: input.timeoutMs,
            environment: environment?.variables,
            globals: workspace.getGlobals(),
            bodyLimitBytes: workspace.getSettings().responseBodyLimitBytes,
            signal,
          },
          { engine, createRuntime, dataProblems: problems, runId, onEvent: emit },
        ).then(
          (result) => {
            registry.end(runId, result);
            if (input.persistVariables && !result.cancelled) persist(result, input.collectionId, environment);
            if (result.executions.length > 0) events.emit('workspace.changed', { what: 'cookies' });
          },
          (err) => {
            registry.end(runId, undefined);
            events.emit('runner.progress', { runId, type: 'warning', message: `The run stopped: ${err instanceof Error ? err.message : String(err)}` });
          },
        );
      }, 0);
      return { runId, iterations, requestsPerIteration, dataProblems: problems };
    },
    'runner.cancel': async ({ runId }) => ({ cancelled: registry.cancel(runId) }),
    'runner.get': async ({ runId }) => {
      const status = registry.status(runId);
      if (!status) throw new AppError('NOT_FOUND', `The run ${runId} is not known (only the last few runs are kept)`);
      return status;
    },
    'runner.report': async ({ runId, format }) => {
      const status = registry.status(runId);
      if (!status?.result) throw new AppError('NOT_FOUND', `The run ${runId} has not finished or is no longer kept`);
      const result = status.result;
      const text = format === 'json' ? JSON.stringify(jsonReport(result), null, 2) : format === 'junit' ? junitXml(result) : htmlReport(result);
      const name = result.collection.name.replace(/[^A-Za-z0-9._ -]+/g, '_').trim() || 'run';
      return { fileName: `${name}-run.${REPORT_EXTENSIONS[format]}`, text };
    },
  };
}
