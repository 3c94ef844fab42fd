// create_environment: a new environment with its variables (mark keys and tokens secret).
import { z } from 'zod';
import { Variable } from '../../../../shared/model.js';
import { defineTool } from './types.js';

export const createEnvironment = defineTool({
  name: 'create_environment',
  description: 'Create an environment with variables (e.g. baseUrl). Mark tokens and keys secret: true. Answers its id.',
  schema: z.object({ name: z.string().trim().min(1).max(200), variables: z.array(Variable).default([]) }),
  effect: 'write',
  run: ({ name, variables }, { workspace, recorder }) => {
    const env = workspace.createEnvironment({ name, variables });
    recorder.created('environment', env.id, env.name);
    return { id: env.id, name: env.name, variables: env.variables.map((v) => v.key) };
  },
  summarize: (_a, r) => `Created environment ${String(r.name)}`,
});
