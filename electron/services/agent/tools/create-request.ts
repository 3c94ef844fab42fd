// create_request: a saved request in a collection or folder.
import { z } from 'zod';
import { defaultRequest } from '../../../../shared/model.js';
import { ItemId, pairs, RequestFields } from './shared-args.js';
import { defineTool } from './types.js';

export const createRequest = defineTool({
  name: 'create_request',
  description: 'Create a request inside a collection or folder (parentId). Use {{variables}} for hosts and secrets. Answers its id.',
  schema: z.object({
    parentId: ItemId,
    name: z.string().trim().min(1).max(500),
    ...RequestFields,
    description: z.string().max(200_000).optional().describe('Markdown documentation'),
  }),
  effect: 'write',
  run: (a, { workspace, recorder }) => {
    const request = defaultRequest({
      method: (a.method ?? 'GET').toUpperCase(),
      url: a.url ?? '',
      headers: pairs(a.headers) ?? [],
      params: pairs(a.params) ?? [],
      ...(a.body ? { body: a.body } : {}),
      ...(a.auth ? { auth: a.auth } : {}),
    });
    const item = workspace.createItem({ kind: 'request', parentId: a.parentId, name: a.name, request, description: a.description });
    recorder.created('request', item.id, item.name);
    return { id: item.id, name: item.name, method: request.method, url: request.url };
  },
  summarize: (_a, r) => `Created request ${String(r.method)} ${String(r.name)}`,
});
