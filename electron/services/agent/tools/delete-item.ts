// delete_item: delete a collection, folder or request (and what it holds). Waits for approval by default.
import { z } from 'zod';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

export const deleteItem = defineTool({
  name: 'delete_item',
  description: 'Delete a collection, folder or request and everything inside it. The user is asked to approve first.',
  schema: z.object({ id: ItemId }),
  effect: 'delete',
  approval: ({ id }, { workspace }) => {
    const item = workspace.getItem(id);
    return { kind: 'delete', what: `${item.kind} "${item.name}"` };
  },
  run: ({ id }, { workspace, recorder }) => {
    const item = workspace.getItem(id);
    recorder.touchItem(id);
    const { deleted } = workspace.deleteItem(id);
    return { id, name: item.name, kind: item.kind, deleted };
  },
  summarize: (_a, r) => `Deleted ${String(r.kind)} ${String(r.name)} (${String(r.deleted)} items)`,
});
