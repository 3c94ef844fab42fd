// One request sent from the app with its scripts, by the collection runner's own code
// (executeItem): the pre-request scripts of the collection, its folders and the request, the send
// (with what pm.request changed), then the test scripts in the same order. Unlike a run, the whole
// response is kept for the response pane, and the variables the scripts set are answered so the
// caller can write them back. A failing pre-request script does not stop the send (as in Postman):
// the error is reported beside the response.
import type { RequestSpec, Scripts, SendResult, Variable } from '../../../shared/model.js';
import type { CollectionNode } from '../formats/item-tree.js';
import type { HttpEngine, SendOptions } from '../http/engine.js';
import type { ScriptRuntime } from '../scripting/types.js';
import { executeItem, type ItemContext } from './execute-item.js';
import { RunVariables } from './run-variables.js';
import { createScriptHost } from './script-host.js';

export interface SingleRequest {
  /** The saved request's id; null for a request not saved yet. */
  id: string | null;
  name: string;
  spec: RequestSpec;
  scripts: Scripts;
}

export interface SingleSendInput {
  sendId: string;
  request: SingleRequest;
  /** The collection and the folders above the request, collection first (none for an unsaved request). */
  parents: CollectionNode[];
  variables: { globals: Variable[]; collection: Variable[]; environment: Variable[] };
  bodyLimitBytes: number;
  onProgress?: SendOptions['onProgress'];
}

export type VariableScopeName = 'environment' | 'globals' | 'collection';

export interface SingleSendOutcome {
  /** The send result with the scripts' tests, console output and errors. */
  result: SendResult;
  /** The variables after the scripts, as lists (flags kept); `changed` says which scopes differ. */
  variables: Record<VariableScopeName, Variable[]>;
  changed: VariableScopeName[];
}

export function hasScripts(scripts: Scripts): boolean {
  return scripts.prerequest.trim() !== '' || scripts.test.trim() !== '';
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}

export async function runSingle(
  deps: { engine: HttpEngine; runtime: () => Promise<ScriptRuntime> },
  input: SingleSendInput,
): Promise<SingleSendOutcome> {
  const variables = new RunVariables(input.variables);
  const before = { environment: { ...variables.environment }, globals: { ...variables.globals }, collection: { ...variables.collection } };
  const ctx: ItemContext = {
    engine: deps.engine,
    runtime: deps.runtime,
    host: createScriptHost(deps.engine, { bodyLimitBytes: input.bodyLimitBytes }),
    variables,
    options: { bodyLimitBytes: input.bodyLimitBytes },
    iterationCount: 1,
    keepResult: true,
    onProgress: input.onProgress,
  };
  const node: CollectionNode = {
    id: input.request.id ?? input.sendId,
    kind: 'request',
    name: input.request.name,
    description: '',
    scripts: input.request.scripts,
    request: input.request.spec,
    children: [],
  };
  const outcome = await executeItem(ctx, { request: node, parents: input.parents }, { iteration: 0, data: {}, sendId: input.sendId });
  const { execution } = outcome;
  const result: SendResult = {
    ...(outcome.result ?? { sendId: input.sendId, unresolved: [] }),
    tests: execution.tests,
    console: outcome.console,
    scriptErrors: execution.scriptErrors,
    ...(execution.skipped ? { skipped: true } : {}),
  };
  const changed = (['environment', 'globals', 'collection'] as const).filter((scope) => !sameMap(before[scope], variables[scope]));
  return { result, variables: variables.final(), changed };
}
