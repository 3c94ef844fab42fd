import type { Handlers } from '../../../shared/contract.js';
import type { HandlerContext } from './context.js';

type EnvironmentHandlers = Pick<
  Handlers,
  'env.list' | 'env.create' | 'env.update' | 'env.delete' | 'env.setActive' | 'globals.get' | 'globals.update'
>;

export function environmentHandlers({ workspace, events }: HandlerContext): EnvironmentHandlers {
  const changed = <T>(value: T): T => {
    events.emit('workspace.changed', { what: 'environments' });
    return value;
  };
  return {
    'env.list': async () => ({
      environments: workspace.listEnvironments(),
      activeId: workspace.getSettings().activeEnvironmentId,
    }),
    'env.create': async (input) => changed(workspace.createEnvironment(input)),
    'env.update': async (input) => changed(workspace.updateEnvironment(input)),
    'env.delete': async ({ id }) => {
      workspace.deleteEnvironment(id);
      return changed({ ok: true as const });
    },
    'env.setActive': async ({ id }) => {
      if (id !== null) workspace.getEnvironment(id); // NOT_FOUND for an unknown id
      workspace.updateSettings({ activeEnvironmentId: id });
      return changed({ ok: true as const });
    },
    'globals.get': async () => ({ variables: workspace.getGlobals() }),
    'globals.update': async ({ variables }) => changed({ variables: workspace.setGlobals(variables) }),
  };
}
