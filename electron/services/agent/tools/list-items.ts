// list_items: the children of a collection or folder, or (no parentId) every collection and environment.
import { z } from 'zod';
import { defineTool } from './types.js';

const MAX_LISTED = 500;

export const listItems = defineTool({
  name: 'list_items',
  description: 'List the items directly inside a collection or folder (parentId), or, without parentId, every collection and environment.',
  schema: z.object({ parentId: z.string().min(1).max(64).nullable().optional() }),
  effect: 'read',
  run: ({ parentId }, { workspace }) => {
    const tree = workspace.tree();
    const parent = parentId ?? null;
    if (parent !== null) workspace.getItem(parent); // NOT_FOUND for an unknown id
    const childCount = new Map<string, number>();
    for (const n of tree) if (n.parentId) childCount.set(n.parentId, (childCount.get(n.parentId) ?? 0) + 1);
    const children = tree.filter((n) => n.parentId === parent);
    const items = children.slice(0, MAX_LISTED).map((n) => ({
      id: n.id,
      kind: n.kind,
      name: n.name,
      ...(n.method ? { method: n.method } : {}),
      ...(n.kind !== 'request' ? { children: childCount.get(n.id) ?? 0 } : {}),
    }));
    const more = children.length > MAX_LISTED ? { more: children.length - MAX_LISTED } : {};
    if (parent !== null) return { items, ...more };
    const environments = workspace.listEnvironments().map((e) => ({ id: e.id, name: e.name, variables: e.variables.map((v) => v.key) }));
    return { items, ...more, environments, activeEnvironmentId: workspace.getSettings().activeEnvironmentId };
  },
  summarize: ({ parentId }, r) => `Listed ${(r.items as unknown[]).length} items${parentId ? '' : ' (top level)'}`,
});
