// Postman files in the app: import what the user picked (one transaction), export a collection.
import type { Handlers } from '../../../shared/contract.js';
import { exportCollection, importText } from '../formats/index.js';
import type { HandlerContext } from './context.js';

type FormatHandlers = Pick<Handlers, 'formats.import' | 'formats.export'>;

export function formatHandlers({ workspace, events }: HandlerContext): FormatHandlers {
  return {
    'formats.import': async ({ fileName, text, format }) => {
      const outcome = importText(workspace, text, fileName, format);
      for (const what of new Set(outcome.created.map((c) => (c.kind === 'collection' ? 'tree' : 'environments') as 'tree' | 'environments'))) {
        events.emit('workspace.changed', { what });
      }
      return outcome;
    },
    'formats.export': async ({ collectionId, format }) => exportCollection(workspace, collectionId, format),
  };
}
