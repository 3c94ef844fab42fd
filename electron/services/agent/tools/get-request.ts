// get_request: a saved request whole: its spec, scripts, docs and where it lives.
import { z } from 'zod';
import { ItemId, pathOf, requestOf } from './shared-args.js';
import { defineTool } from './types.js';

export const getRequest = defineTool({
  name: 'get_request',
  description: 'Read a saved request: method, URL, params, headers, body, auth, its test and pre-request scripts and its documentation.',
  schema: z.object({ id: ItemId }),
  effect: 'read',
  run: ({ id }, { workspace }) => {
    const item = workspace.getItem(id);
    return { id, name: item.name, path: pathOf(workspace, item), request: requestOf(item), scripts: item.scripts, description: item.description };
  },
  summarize: (_a, r) => `Read request ${String(r.path)}`,
});
