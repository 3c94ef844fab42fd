// Formats in the app: import what the user picked (one transaction), export a collection, show a
// request as code.
import type { Handlers } from '../../../shared/contract.js';
import { effectiveAuth, resolveRequest } from '../../../shared/resolve-request.js';
import { flattenScopes } from '../../../shared/variables.js';
import { exportCollection, importText } from '../formats/index.js';
import { requestSnippet } from '../formats/snippets/snippet.js';
import { scopesFor } from '../send-request.js';
import type { HandlerContext } from './context.js';

type FormatHandlers = Pick<Handlers, 'formats.import' | 'formats.export' | 'formats.snippet'>;

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
    'formats.snippet': async ({ request, requestId, target, resolveVariables }) => {
      // The code sends what Send would: the auth inherited from folders and the collection.
      const ancestors = requestId ? workspace.ancestors(requestId) : [];
      let spec = { ...request, auth: effectiveAuth(request.auth, ancestors.map((a) => a.auth)) };
      if (resolveVariables) spec = resolveRequest(spec, flattenScopes(scopesFor(workspace, requestId))).request;
      return { code: requestSnippet(spec, target) };
    },
  };
}
