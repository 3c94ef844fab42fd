import type { Handlers } from '../../../shared/contract.js';
import type { HandlerContext } from './context.js';

type ItemHandlers = Pick<
  Handlers,
  'tree.list' | 'items.get' | 'items.create' | 'items.update' | 'items.duplicate' | 'items.move' | 'items.delete' | 'items.search'
>;

export function itemHandlers({ workspace, events }: HandlerContext): ItemHandlers {
  const changed = <T>(value: T): T => {
    events.emit('workspace.changed', { what: 'tree' });
    return value;
  };
  return {
    'tree.list': async () => ({ nodes: workspace.tree() }),
    'items.get': async ({ id }) => workspace.getItem(id),
    'items.create': async (input) => changed(workspace.createItem(input)),
    'items.update': async (input) => changed(workspace.updateItem(input)),
    'items.duplicate': async ({ id }) => changed(workspace.duplicateItem(id)),
    'items.move': async (input) => changed(workspace.moveItem(input)),
    'items.delete': async ({ id }) => changed(workspace.deleteItem(id)),
    'items.search': async ({ query, limit }) => ({ hits: workspace.search(query, limit) }),
  };
}
