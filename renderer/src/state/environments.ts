// Environments, the active one, and the globals.
import { create } from 'zustand';
import type { Environment, Variable } from '../../../shared/model';
import { rpc } from '../rpc';
import { attempt, notifyError } from './toasts';

interface EnvState {
  environments: Environment[];
  activeId: string | null;
  globals: Variable[];
  loaded: boolean;
  reload: () => Promise<void>;
  setActive: (id: string | null) => Promise<void>;
}

export const useEnvironments = create<EnvState>((set, get) => ({
  environments: [],
  activeId: null,
  globals: [],
  loaded: false,
  reload: async () => {
    try {
      const [list, globals] = await Promise.all([rpc['env.list']({}), rpc['globals.get']({})]);
      set({ environments: list.environments, activeId: list.activeId, globals: globals.variables, loaded: true });
    } catch (err) {
      set({ loaded: true });
      notifyError(err, 'Could not load environments');
    }
  },
  setActive: async (id) => {
    const previous = get().activeId;
    set({ activeId: id });
    const ok = await attempt(() => rpc['env.setActive']({ id }), 'Could not switch environment');
    if (!ok) set({ activeId: previous });
  },
}));

export function activeEnvironment(): Environment | undefined {
  const { environments, activeId } = useEnvironments.getState();
  return environments.find((e) => e.id === activeId);
}
