// send_request: send a saved request (or an unsaved one) with the turn's environment, exactly as the
// Send button does (inherited auth, variables, history), and answer the response. Sends other than
// GET/HEAD/OPTIONS and sends to hosts no environment names wait for approval by default.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import { defaultRequest, type RequestSpec } from '../../../../shared/model.js';
import { resolveRequest } from '../../../../shared/resolve-request.js';
import { flattenScopes, type Scopes } from '../../../../shared/variables.js';
import { sendResolved } from '../../send-request.js';
import { ItemId, pairs, RequestFields } from './shared-args.js';
import { responseLine, responseView } from './response-view.js';
import { defineTool, type ToolContext } from './types.js';

const Args = z.object({
  id: ItemId.optional().describe('A saved request to send'),
  request: z.object(RequestFields).optional().describe('An unsaved request to send (when there is no id)'),
});
type Args = z.output<typeof Args>;

function target(args: Args, ctx: ToolContext): { requestId: string | null; name: string; spec: RequestSpec } {
  if (args.id) {
    const item = ctx.workspace.getItem(args.id);
    if (item.kind !== 'request' || !item.request) throw new AppError('BAD_INPUT', `${args.id} is a ${item.kind}, not a request`);
    return { requestId: item.id, name: item.name, spec: item.request };
  }
  if (!args.request?.url) throw new AppError('BAD_INPUT', 'Give the id of a saved request, or a request with at least a url');
  const r = args.request;
  const spec = defaultRequest({
    method: (r.method ?? 'GET').toUpperCase(),
    url: r.url ?? '',
    headers: pairs(r.headers) ?? [],
    params: pairs(r.params) ?? [],
    ...(r.body ? { body: r.body } : {}),
    ...(r.auth ? { auth: r.auth } : {}),
  });
  return { requestId: null, name: spec.url, spec };
}

export function turnScopes(ctx: ToolContext, requestId: string | null): Scopes {
  const ancestors = requestId ? ctx.workspace.ancestors(requestId) : [];
  const collection = ancestors.find((a) => a.kind === 'collection');
  const environment = ctx.environmentId ? ctx.workspace.getEnvironment(ctx.environmentId).variables : [];
  return { global: ctx.workspace.getGlobals(), collection: collection?.variables ?? [], environment };
}

export const sendRequestTool = defineTool({
  name: 'send_request',
  description:
    'Send a saved request (id) or an unsaved one (request) with the current environment, and answer the response (a large body as its shape and a sample). ' +
    'Sends that change data, or go to hosts no environment names, wait for the user to approve.',
  schema: Args,
  effect: 'send',
  approval: (args, ctx) => {
    const t = target(args, ctx);
    const { request } = resolveRequest(t.spec, flattenScopes(turnScopes(ctx, t.requestId)));
    return { kind: 'send', method: request.method, url: request.url };
  },
  run: async (args, ctx) => {
    const t = target(args, ctx);
    const sendId = `agent-${randomUUID()}`;
    const cancel = () => ctx.engine.cancel(sendId);
    ctx.signal.addEventListener('abort', cancel, { once: true });
    try {
      const { result } = await sendResolved(ctx.engine, {
        sendId,
        request: t.spec,
        inheritedAuth: t.requestId ? ctx.workspace.ancestors(t.requestId).map((a) => a.auth) : [],
        scopes: turnScopes(ctx, t.requestId),
        bodyLimitBytes: ctx.workspace.getSettings().responseBodyLimitBytes,
      });
      const entry = ctx.workspace.addHistory({ requestId: t.requestId, name: t.name, request: t.spec, result });
      ctx.events?.emit('workspace.changed', { what: 'history' });
      const full = { ...result, historyId: entry.id };
      ctx.responses.set(t.requestId ?? '', full);
      return { ...(t.requestId ? { id: t.requestId } : {}), line: responseLine(full, t.spec), ...responseView(full) };
    } finally {
      ctx.signal.removeEventListener('abort', cancel);
    }
  },
  summarize: (_a, r) => String(r.line),
});
