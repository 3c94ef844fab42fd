// get_last_response: the newest response of a request: one sent in this turn, the active tab's, or
// the newest in history.
import { z } from 'zod';
import type { SendResult } from '../../../../shared/model.js';
import { responseLine, responseView } from './response-view.js';
import { defineTool, type ToolContext } from './types.js';

function lastResponse(id: string | undefined, ctx: ToolContext): SendResult | null {
  const key = id ?? ctx.activeTab?.requestId ?? '';
  const fromTurn = ctx.responses.get(key);
  if (fromTurn) return fromTurn;
  const tab = ctx.activeTab;
  if (tab?.lastResponse && (id === undefined || tab.requestId === id)) return tab.lastResponse;
  const entry = ctx.workspace.listHistory(500).find((e) => (key ? e.requestId === key : true));
  return entry ? ctx.workspace.getHistory(entry.id).result : null;
}

export const getLastResponse = defineTool({
  name: 'get_last_response',
  description: 'Read the last response of a request (id), or of the active tab when id is left out.',
  schema: z.object({ id: z.string().min(1).max(64).optional() }),
  effect: 'read',
  run: ({ id }, ctx) => {
    const result = lastResponse(id, ctx);
    if (!result) return { found: false, note: 'This request has no response yet; send it with send_request.' };
    return { found: true, line: responseLine(result, { method: '', url: '' }), ...responseView(result) };
  },
  summarize: (_a, r) => (r.found ? `Read the last response: ${String(r.line)}` : 'No response yet'),
});
