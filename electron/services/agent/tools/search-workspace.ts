// search_workspace: find collections, folders and requests by name, URL or method.
import { z } from 'zod';
import { defineTool } from './types.js';

export const searchWorkspace = defineTool({
  name: 'search_workspace',
  description: 'Search collections, folders and requests by words in their name, URL or method. Answers up to `limit` hits with ids and paths.',
  schema: z.object({ query: z.string().min(1).max(500), limit: z.number().int().min(1).max(100).default(20) }),
  effect: 'read',
  run: ({ query, limit }, { workspace }) => ({ hits: workspace.search(query, limit) }),
  summarize: ({ query }, r) => `Searched "${query}": ${(r.hits as unknown[]).length} hits`,
});
