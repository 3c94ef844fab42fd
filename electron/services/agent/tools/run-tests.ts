// run_tests: run a request (or folder / collection) with its scripts through the collection runner,
// the same one `courier run` uses, and answer each test's outcome. `baseUrl` runs it against another
// server (a mock start_mock started) for this run only: {{baseUrl}} takes that value above every
// scope, as a data row would, and the collection keeps its own. A run whose every request goes to a
// mock the app is running asks no approval: nothing leaves the computer and no real data changes.
import { z } from 'zod';
import { loadCollectionTree, requestsIn, type CollectionNode } from '../../formats/item-tree.js';
import { runCollection } from '../../runner/run-collection.js';
import { resolveRequest } from '../../../../shared/resolve-request.js';
import { flattenScopes } from '../../../../shared/variables.js';
import { turnScopes } from './send-request.js';
import { ItemId } from './shared-args.js';
import { defineTool, type ToolContext } from './types.js';

const MAX_EXECUTIONS = 50;

export const runTests = defineTool({
  name: 'run_tests',
  description: 'Run a request (or every request of a folder or collection) with its pre-request and test scripts, and answer the results of every test.',
  schema: z.object({
    id: ItemId,
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe('Run against this server instead, e.g. the url start_mock answered: {{baseUrl}} takes this value for this run only'),
  }),
  effect: 'send',
  approval: ({ id, baseUrl }, ctx) => {
    if (baseUrl && allToRunningMock(ctx, id, baseUrl)) return undefined;
    const item = ctx.workspace.getItem(id);
    // A folder or a collection sends many requests: it always asks (method RUN is not a safe one).
    if (item.kind !== 'request' || !item.request) return { kind: 'send', method: 'RUN', url: baseUrl ?? '' };
    const { request } = resolveRequest(item.request, flattenScopes({ ...turnScopes(ctx, id), ...(baseUrl ? { data: { baseUrl } } : {}) }));
    return { kind: 'send', method: request.method, url: request.url };
  },
  run: async ({ id, baseUrl }, ctx) => {
    const { workspace } = ctx;
    const item = workspace.getItem(id);
    const tree = loadCollectionTree(workspace, item.collectionId);
    const result = await runCollection(
      tree,
      {
        folders: item.kind === 'collection' ? [] : [id],
        environment: ctx.environmentId ? workspace.getEnvironment(ctx.environmentId).variables : undefined,
        ...(baseUrl ? { data: [{ baseUrl }] } : {}),
        globals: workspace.getGlobals(),
        bodyLimitBytes: workspace.getSettings().responseBodyLimitBytes,
        signal: ctx.signal,
      },
      { engine: ctx.engine, createRuntime: ctx.createScriptRuntime, runId: `agent-${id}` },
    );
    const a = result.stats.assertions;
    // A request with its own host instead of {{baseUrl}} went there, not to baseUrl: said, so the model knows.
    const elsewhere = baseUrl ? result.executions.filter((e) => !isUnder(e.request.url, baseUrl)).map((e) => e.name) : [];
    return {
      id,
      ...(baseUrl ? { baseUrl } : {}),
      ...(elsewhere.length ? { notUnderBaseUrl: `${elsewhere.length} request(s) do not use {{baseUrl}} and went elsewhere: ${elsewhere.slice(0, 10).join(', ')}` } : {}),
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

/** Whether `baseUrl` is a mock the app runs and every request of the run resolves to a URL under it. */
function allToRunningMock(ctx: ToolContext, id: string, baseUrl: string): boolean {
  const mock = ctx.mocks?.list().find((m) => baseUrl === m.url || baseUrl.startsWith(`${m.url.replace(/\/$/, '')}/`));
  if (!mock) return false;
  const tree = loadCollectionTree(ctx.workspace, ctx.workspace.getItem(id).collectionId);
  const variables = flattenScopes({ ...turnScopes(ctx, id), collection: tree.variables ?? [], data: { baseUrl } });
  const node = findNode(tree, id);
  if (!node) return false;
  return [...requestsIn(node)].every(({ request }) => request.request !== undefined && isUnder(resolveRequest(request.request, variables).request.url, mock.url));
}

function findNode(node: CollectionNode, id: string): CollectionNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

function isUnder(url: string, mockUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(mockUrl);
    return a.origin === b.origin && `${a.pathname}/`.startsWith(`${b.pathname.replace(/\/$/, '')}/`);
  } catch {
    return false;
  }
}
