// Finds the auth a request or folder inherits: the nearest folder or collection above it whose
// auth is not "inherit" (a collection without auth means no auth).
import { useEffect } from 'react';
import type { Auth, Item } from '../../../../shared/model';
import { useContainers } from '../../state/containers';
import { ancestorsOf, useTree } from '../../state/tree';

export type InheritedAuth =
  | { state: 'unsaved' }
  | { state: 'loading' }
  | { state: 'found'; from: Item; auth: Auth };

export function useInheritedAuth(itemId: string | null): InheritedAuth {
  const byId = useTree((s) => s.byId);
  const items = useContainers((s) => s.items);
  const chain = itemId ? ancestorsOf(itemId, byId) : [];

  useEffect(() => {
    for (const node of chain) useContainers.getState().ensure(node.id);
  });

  if (!itemId || chain.length === 0) return { state: 'unsaved' };
  for (const node of chain) {
    const item = items[node.id];
    if (!item) return { state: 'loading' };
    if (item.auth && item.auth.type !== 'inherit') return { state: 'found', from: item, auth: item.auth };
    if (item.kind === 'collection') return { state: 'found', from: item, auth: { type: 'none' } };
  }
  return { state: 'loading' };
}
