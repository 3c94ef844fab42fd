// write_docs: the Markdown documentation of a collection, folder or request.
import { z } from 'zod';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

export const writeDocs = defineTool({
  name: 'write_docs',
  description: 'Write the Markdown documentation of a collection, folder or request (replaces the old text).',
  schema: z.object({ id: ItemId, markdown: z.string().min(1).max(200_000) }),
  effect: 'write',
  run: ({ id, markdown }, { workspace, recorder }) => {
    recorder.touchItem(id);
    const item = workspace.updateItem({ id, description: markdown });
    return { id, name: item.name, characters: markdown.length };
  },
  summarize: (_a, r) => `Documented ${String(r.name)}`,
});
