// create_collection: a new top-level collection (with optional variables and docs).
import { z } from 'zod';
import { Variable } from '../../../../shared/model.js';
import { defineTool } from './types.js';

export const createCollection = defineTool({
  name: 'create_collection',
  description: 'Create a new collection. Answers its id.',
  schema: z.object({
    name: z.string().trim().min(1).max(500),
    description: z.string().max(200_000).optional().describe('Markdown documentation'),
    variables: z.array(Variable).optional().describe('Collection variables, e.g. baseUrl'),
  }),
  effect: 'write',
  run: ({ name, description, variables }, { workspace, recorder }) => {
    const item = workspace.createItem({ kind: 'collection', parentId: null, name, description, variables });
    recorder.created('collection', item.id, item.name);
    return { id: item.id, name: item.name };
  },
  summarize: (_a, r) => `Created collection ${String(r.name)}`,
});
