// Sends one request the way the user sees it in the workspace: variables from the scopes
// (global < collection < environment), auth inherited from folders and the collection, the
// response recorded in history. The app, the web host and the CLI all send through here.
import type { Auth, RequestSpec, SendResult, Variable } from '../../shared/model.js';
import { effectiveAuth, resolveRequest } from '../../shared/resolve-request.js';
import { flattenScopes, type Scopes } from '../../shared/variables.js';
import type { EventBus } from './events.js';
import type { HttpEngine, SendOptions } from './http/engine.js';
import type { Workspace } from './store/workspace.js';

export interface SendInput {
  sendId: string;
  requestId: string | null;
  request: RequestSpec;
  name?: string;
  /** Narrower scopes a runner adds (iteration data, local variables). */
  extraScopes?: Pick<Scopes, 'data' | 'local'>;
}

/** The variables in scope for a saved request (or an unsaved one: globals and environment only). */
export function scopesFor(workspace: Workspace, requestId: string | null): Scopes {
  const ancestors = requestId ? workspace.ancestors(requestId) : [];
  const collection = ancestors.find((a) => a.kind === 'collection');
  const { activeEnvironmentId } = workspace.getSettings();
  const environment: Variable[] = activeEnvironmentId ? workspace.getEnvironment(activeEnvironmentId).variables : [];
  return { global: workspace.getGlobals(), collection: collection?.variables ?? [], environment };
}

export interface ResolvedSendInput {
  sendId: string;
  request: RequestSpec;
  /** The auth of the folders and the collection above the request, nearest first (for `inherit`). */
  inheritedAuth: (Auth | undefined)[];
  scopes: Scopes;
  bodyLimitBytes: number;
  onProgress?: SendOptions['onProgress'];
}

/**
 * The part of a send the app and the collection runner share: inherited auth and variables
 * resolved, then the engine. Answers the result and the request as it was sent.
 */
export async function sendResolved(engine: HttpEngine, input: ResolvedSendInput): Promise<{ result: SendResult; sent: RequestSpec }> {
  const auth = effectiveAuth(input.request.auth, input.inheritedAuth);
  const { request, unresolved } = resolveRequest({ ...input.request, auth }, flattenScopes(input.scopes));
  const outcome = await engine.send(request, { sendId: input.sendId, bodyLimitBytes: input.bodyLimitBytes, onProgress: input.onProgress });
  return { result: { sendId: input.sendId, unresolved, ...outcome }, sent: request };
}

export async function sendRequest(
  deps: { workspace: Workspace; engine: HttpEngine; events?: EventBus },
  input: SendInput,
): Promise<SendResult> {
  const { workspace, engine, events } = deps;
  const ancestors = input.requestId ? workspace.ancestors(input.requestId) : [];
  const { result } = await sendResolved(engine, {
    sendId: input.sendId,
    request: input.request,
    inheritedAuth: ancestors.map((a) => a.auth),
    scopes: { ...scopesFor(workspace, input.requestId), ...input.extraScopes },
    bodyLimitBytes: workspace.getSettings().responseBodyLimitBytes,
    onProgress: progressTo(events, input.sendId),
  });
  return recordSend(deps, input, result);
}

/** Progress events of one send, for the response pane's "Downloading… 12 MB". */
export function progressTo(events: EventBus | undefined, sendId: string): SendOptions['onProgress'] {
  return events ? (p) => events.emit('http.progress', { sendId, ...p }) : undefined;
}

/** Writes a finished send to history (and tells the UI); answers the result with its history id. */
export function recordSend(deps: { workspace: Workspace; events?: EventBus }, input: SendInput, result: SendResult): SendResult {
  const { workspace, events } = deps;
  const entry = workspace.addHistory({
    requestId: input.requestId,
    name: input.name ?? (input.requestId ? workspace.getItem(input.requestId).name : input.request.url),
    request: input.request,
    result,
  });
  events?.emit('workspace.changed', { what: 'history' });
  if (result.response?.cookies.length) events?.emit('workspace.changed', { what: 'cookies' });
  return { ...result, historyId: entry.id };
}
