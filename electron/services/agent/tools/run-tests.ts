// run_tests: run a request (or folder / collection) with its scripts through the collection runner,
// the same one `courier run` uses, and answer each test's outcome.
import { z } from 'zod';
import { loadCollectionTree } from '../../formats/item-tree.js';
import { runCollection } from '../../runner/run-collection.js';
import { resolveRequest } from '../../../../shared/resolve-request.js';
import { flattenScopes } from '../../../../shared/variables.js';
import { turnScopes } from './send-request.js';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

const MAX_EXECUTIONS = 50;

export const runTests = defineTool({
  name: 'run_tests',
  description: 'Run a request (or every request of a folder or collection) with its pre-request and test scripts, and answer the results of every test.',
  schema: z.object({ id: ItemId }),
  effect: 'send',
  approval: ({ id }, ctx) => {
    const item = ctx.workspace.getItem(id);
    // A folder or a collection sends many requests: it always asks (method RUN is not a safe one).
    if (item.kind !== 'request' || !item.request) return { kind: 'send', method: 'RUN', url: '' };
    const { request } = resolveRequest(item.request, flattenScopes(turnScopes(ctx, id)));
    return { kind: 'send', method: request.method, url: request.url };
  },
  run: async ({ id }, ctx) => {
    const { workspace } = ctx;
    const item = workspace.getItem(id);
    const tree = loadCollectionTree(workspace, item.collectionId);
    const result = await runCollection(
      tree,
      {
        folders: item.kind === 'collection' ? [] : [id],
        environment: ctx.environmentId ? workspace.getEnvironment(ctx.environmentId).variables : undefined,
        globals: workspace.getGlobals(),
        bodyLimitBytes: workspace.getSettings().responseBodyLimitBytes,
        signal: ctx.signal,
      },
      { engine: ctx.engine, createRuntime: ctx.createScriptRuntime, runId: `agent-${id}` },
    );
    const a = result.stats.assertions;
    return {
      id,
      passed: a.total - a.failed,
      failed: a.failed,
      requests: result.executions.slice(0, MAX_EXECUTIONS).map((e) => ({
        name: e.name,
        request: e.request,
        status: e.response?.code,
        error: e.requestError?.message,
        tests: e.tests,
        scriptErrors: e.scriptErrors,
      })),
    };
  },
  summarize: (_a, r) => `Ran tests: ${String(r.passed)} passed, ${String(r.failed)} failed`,
});
