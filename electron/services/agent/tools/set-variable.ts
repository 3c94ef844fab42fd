// set_variable: set (or add) one variable in an environment, the globals or a collection.
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import type { Variable } from '../../../../shared/model.js';
import { unmask } from './shared-args.js';
import { defineTool } from './types.js';

function upsert(list: Variable[], key: string, value: string, secret: boolean | undefined): Variable[] {
  const at = list.findIndex((v) => v.key === key);
  if (at < 0) return [...list, { key, value, enabled: true, secret: secret ?? false }];
  const next = [...list];
  next[at] = { ...next[at], value: unmask(value, next[at].value), enabled: true, ...(secret !== undefined ? { secret } : {}) };
  return next;
}

export const setVariable = defineTool({
  name: 'set_variable',
  description:
    'Set a variable: scope "environment" (environmentId, default the active one), "globals", or "collection" (collectionId). Creates it when missing.',
  schema: z.object({
    scope: z.enum(['environment', 'globals', 'collection']),
    environmentId: z.string().min(1).max(64).optional(),
    collectionId: z.string().min(1).max(64).optional(),
    key: z.string().trim().min(1).max(500),
    value: z.string().max(1_000_000),
    secret: z.boolean().optional(),
  }),
  effect: 'write',
  run: (a, { workspace, recorder, environmentId }) => {
    if (a.scope === 'globals') {
      recorder.touchGlobals();
      workspace.setGlobals(upsert(workspace.getGlobals(), a.key, a.value, a.secret));
      return { scope: 'globals', key: a.key };
    }
    if (a.scope === 'collection') {
      if (!a.collectionId) throw new AppError('BAD_INPUT', 'scope "collection" needs collectionId');
      const item = workspace.getItem(a.collectionId);
      if (item.kind !== 'collection') throw new AppError('BAD_INPUT', `${a.collectionId} is a ${item.kind}, not a collection`);
      recorder.touchItem(item.id);
      workspace.updateItem({ id: item.id, variables: upsert(item.variables ?? [], a.key, a.value, a.secret) });
      return { scope: 'collection', id: item.id, key: a.key };
    }
    const envId = a.environmentId ?? environmentId;
    if (!envId) throw new AppError('BAD_INPUT', 'No environment is active; give environmentId or create one with create_environment');
    const env = workspace.getEnvironment(envId);
    recorder.touchEnvironment(envId);
    workspace.updateEnvironment({ id: envId, variables: upsert(env.variables, a.key, a.value, a.secret) });
    return { scope: 'environment', id: envId, environment: env.name, key: a.key };
  },
  summarize: (a) => `Set ${a.scope} variable ${a.key}`,
});
