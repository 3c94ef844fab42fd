// update_request: change some fields of a saved request; fields left out stay as they are.
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import { ItemId, pairs, requestOf, RequestFields, unmask } from './shared-args.js';
import { defineTool } from './types.js';

export const updateRequest = defineTool({
  name: 'update_request',
  description: 'Change a saved request: give only the fields to change (name, method, url, headers, params, body, auth, description). Lists given replace the old ones.',
  schema: z.object({ id: ItemId, name: z.string().trim().min(1).max(500).optional(), ...RequestFields, description: z.string().max(200_000).optional() }),
  effect: 'write',
  run: (a, { workspace, recorder }) => {
    const item = workspace.getItem(a.id);
    const before = requestOf(item);
    const patch = unmask(
      {
        ...(a.method ? { method: a.method.toUpperCase() } : {}),
        ...(a.url !== undefined ? { url: a.url } : {}),
        ...(a.headers ? { headers: pairs(a.headers) } : {}),
        ...(a.params ? { params: pairs(a.params) } : {}),
        ...(a.body ? { body: a.body } : {}),
        ...(a.auth ? { auth: a.auth } : {}),
      },
      before,
      'request',
    );
    const changed = [...Object.keys(patch), ...(a.name ? ['name'] : []), ...(a.description !== undefined ? ['description'] : [])];
    if (changed.length === 0) throw new AppError('BAD_INPUT', 'Nothing to change: give at least one field');
    recorder.touchItem(a.id);
    const updated = workspace.updateItem({ id: a.id, name: a.name, description: a.description, request: { ...before, ...patch } });
    return { id: updated.id, name: updated.name, changed };
  },
  summarize: (_a, r) => `Updated ${String(r.name)}: ${(r.changed as string[]).join(', ')}`,
});
