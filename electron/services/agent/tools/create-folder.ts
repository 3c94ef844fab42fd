// create_folder: a folder inside a collection or another folder.
import { z } from 'zod';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

export const createFolder = defineTool({
  name: 'create_folder',
  description: 'Create a folder inside a collection or folder (parentId). Answers its id.',
  schema: z.object({ parentId: ItemId, name: z.string().trim().min(1).max(500), description: z.string().max(200_000).optional() }),
  effect: 'write',
  run: ({ parentId, name, description }, { workspace, recorder }) => {
    const item = workspace.createItem({ kind: 'folder', parentId, name, description });
    recorder.created('folder', item.id, item.name);
    return { id: item.id, name: item.name };
  },
  summarize: (_a, r) => `Created folder ${String(r.name)}`,
});
