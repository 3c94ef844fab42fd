// The variables a request can see: globals < its collection's variables < the active environment.
// Used to colour {{references}} (known / unresolved) and to show their values on hover.
import { useEffect, useMemo } from 'react';
import type { Variable } from '../../../shared/model';
import { DYNAMIC_VARIABLES, flattenScopes } from '../../../shared/variables';
import { useContainers } from './containers';
import { useEnvironments } from './environments';
import { ancestorsOf, useTree } from './tree';

export type VariableScope = 'global' | 'collection' | 'environment' | 'dynamic';

export interface VariableInfo {
  value: string;
  secret: boolean;
  scope: VariableScope;
  /** Name of the environment or collection it comes from. */
  source: string;
}

export interface VariableContext {
  lookup: Map<string, string>;
  info: Map<string, VariableInfo>;
}

export function collectionIdOf(itemId: string | null): string | null {
  if (!itemId) return null;
  const { byId } = useTree.getState();
  const node = byId.get(itemId);
  if (!node) return null;
  if (node.kind === 'collection') return node.id;
  const chain = ancestorsOf(itemId, byId);
  const root = chain[chain.length - 1];
  return root?.kind === 'collection' ? root.id : null;
}

export function useVariableContext(itemId: string | null): VariableContext {
  const globals = useEnvironments((s) => s.globals);
  const env = useEnvironments((s) => s.environments.find((e) => e.id === s.activeId));
  const byId = useTree((s) => s.byId);
  // byId is a dependency on purpose: the collection is found again when the tree changes.
  const collectionId = useMemo(() => (byId.size >= 0 ? collectionIdOf(itemId) : null), [itemId, byId]);
  const collection = useContainers((s) => (collectionId ? s.items[collectionId] : undefined));
  useEffect(() => {
    if (collectionId) useContainers.getState().ensure(collectionId);
  }, [collectionId]);

  return useMemo(() => {
    const info = new Map<string, VariableInfo>();
    const add = (vars: Variable[] | undefined, scope: VariableScope, source: string) => {
      for (const v of vars ?? []) {
        if (v.enabled === false || !v.key) continue;
        info.set(v.key, { value: v.value, secret: !!v.secret, scope, source });
      }
    };
    add(globals, 'global', 'Globals');
    add(collection?.variables, 'collection', collection?.name ?? 'Collection');
    add(env?.variables, 'environment', env?.name ?? 'Environment');
    const lookup = flattenScopes({ global: globals, collection: collection?.variables, environment: env?.variables });
    return { lookup, info };
  }, [globals, env, collection]);
}

export interface VariableDescription {
  known: boolean;
  display: string;
  scope?: VariableScope;
  source?: string;
}

const MASK = '••••••••';

export function describeVariable(name: string, ctx: VariableContext): VariableDescription {
  const info = ctx.info.get(name);
  if (info) return { known: true, display: info.secret ? MASK : info.value, scope: info.scope, source: info.source };
  const dyn = DYNAMIC_VARIABLES[name];
  if (dyn) return { known: true, display: dyn.description, scope: 'dynamic', source: 'Generated on send' };
  return { known: false, display: 'Not defined in the globals, this collection or the active environment' };
}

/** Resolves `text` for display, masking secret values. */
export function maskedResolve(text: string, ctx: VariableContext): string {
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, raw: string) => {
    const name = raw.trim();
    const info = ctx.info.get(name);
    if (!info) return whole;
    return info.secret ? MASK : info.value;
  });
}
