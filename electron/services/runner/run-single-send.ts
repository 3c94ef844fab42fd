// The app's Send when scripts are involved: the request's scripts (as edited), its folders' and its
// collection's (as saved) run through runSingle; the variables the scripts set are written back to
// the active environment, the globals and the collection, and the send goes to history like any
// other. Without a script anywhere on the way, the plain send path is used.
import type { Item, Scripts, SendResult, Variable } from '../../../shared/model.js';
import type { EventBus } from '../events.js';
import type { CollectionNode } from '../formats/item-tree.js';
import type { HttpEngine } from '../http/engine.js';
import type { ScriptRuntime } from '../scripting/types.js';
import { progressTo, recordSend, sendRequest, type SendInput } from '../send-request.js';
import type { Workspace } from '../store/workspace.js';
import { hasScripts, runSingle, type SingleSendOutcome } from './run-single.js';

export interface ScriptedSendDeps {
  workspace: Workspace;
  engine: HttpEngine;
  events?: EventBus;
  runtime: () => Promise<ScriptRuntime>;
}

function toNode(item: Item): CollectionNode {
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    description: item.description,
    scripts: item.scripts,
    ...(item.auth ? { auth: item.auth } : {}),
    ...(item.variables ? { variables: item.variables } : {}),
    children: [],
  };
}

export async function sendWithScripts(deps: ScriptedSendDeps, input: SendInput & { scripts?: Partial<Scripts> }): Promise<SendResult> {
  const { workspace, events } = deps;
  const saved = input.requestId ? workspace.getItem(input.requestId) : undefined;
  const scripts: Scripts = {
    prerequest: input.scripts?.prerequest ?? saved?.scripts.prerequest ?? '',
    test: input.scripts?.test ?? saved?.scripts.test ?? '',
  };
  const parents = (input.requestId ? workspace.ancestors(input.requestId) : []).reverse().map(toNode);
  if (!hasScripts(scripts) && !parents.some((p) => hasScripts(p.scripts))) return sendRequest(deps, input);

  const collection = parents.find((p) => p.kind === 'collection');
  const { activeEnvironmentId } = workspace.getSettings();
  const environment = activeEnvironmentId ? workspace.getEnvironment(activeEnvironmentId) : undefined;
  const outcome = await runSingle(deps, {
    sendId: input.sendId,
    request: { id: input.requestId, name: input.name ?? saved?.name ?? input.request.url, spec: input.request, scripts },
    parents,
    variables: { globals: workspace.getGlobals(), collection: collection?.variables ?? [], environment: environment?.variables ?? [] },
    bodyLimitBytes: workspace.getSettings().responseBodyLimitBytes,
    onProgress: progressTo(events, input.sendId),
  });
  const notes = writeBack(deps, outcome, { environmentId: environment?.id, collectionId: collection?.id });
  const result = notes.length > 0 ? { ...outcome.result, console: [...(outcome.result.console ?? []), ...notes] } : outcome.result;
  return recordSend(deps, input, result);
}

/** Saves the scopes the scripts changed; answers console warnings for changes with nowhere to go. */
function writeBack(
  deps: ScriptedSendDeps,
  outcome: SingleSendOutcome,
  where: { environmentId?: string; collectionId?: string },
): NonNullable<SendResult['console']> {
  const { workspace, events } = deps;
  const notes: NonNullable<SendResult['console']> = [];
  const save: Partial<Record<'environment' | 'globals' | 'collection', Variable[]>> = {};
  for (const scope of outcome.changed) {
    const target = scope === 'environment' ? where.environmentId : scope === 'collection' ? where.collectionId : 'globals';
    if (target) save[scope] = outcome.variables[scope];
    else notes.push({ level: 'warn', args: [`No ${scope === 'environment' ? 'environment is active' : 'collection holds this request'}: the ${scope} variables the scripts set were not kept`] });
  }
  if (Object.keys(save).length === 0) return notes;
  workspace.transaction(() => {
    if (save.environment) workspace.updateEnvironment({ id: where.environmentId!, variables: save.environment });
    if (save.globals) workspace.setGlobals(save.globals);
    if (save.collection) workspace.updateItem({ id: where.collectionId!, variables: save.collection });
  });
  if (save.environment || save.globals) events?.emit('workspace.changed', { what: 'environments' });
  if (save.collection) events?.emit('workspace.changed', { what: 'tree' });
  return notes;
}
