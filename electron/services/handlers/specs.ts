// OpenAPI specs in the workspace: CRUD, validation as you type, the Docs preview, and the link to
// the collection generated from a spec (generate, drift, sync). What changes the workspace says so
// with `workspace.changed` ('specs', and 'tree' when requests change).
import type { Handlers } from '../../../shared/contract.js';
import { generateCollectionFromSpec, specDocs, specDrift, specSummary, starterSpec, syncSpecCollection, validateSpecText } from '../specs/index.js';
import type { HandlerContext } from './context.js';

type SpecHandlers = Pick<
  Handlers,
  | 'specs.list'
  | 'specs.get'
  | 'specs.create'
  | 'specs.update'
  | 'specs.delete'
  | 'specs.validate'
  | 'specs.docs'
  | 'specs.generateCollection'
  | 'specs.drift'
  | 'specs.sync'
>;

export function specHandlers({ workspace, events }: HandlerContext): SpecHandlers {
  const changed = <T>(value: T, ...what: ('specs' | 'tree')[]): T => {
    for (const w of what) events.emit('workspace.changed', { what: w });
    return value;
  };
  return {
    'specs.list': async () => ({ specs: workspace.listSpecs().map(specSummary) }),
    'specs.get': async ({ id }) => workspace.getSpec(id),
    'specs.create': async ({ name, format, text }) => changed(workspace.createSpec({ name, format, text: text ?? starterSpec(name, format) }), 'specs'),
    'specs.update': async ({ id, ...patch }) => changed(workspace.updateSpec(id, patch), 'specs'),
    'specs.delete': async ({ id }) => {
      workspace.deleteSpec(id);
      return changed({ ok: true as const }, 'specs');
    },
    'specs.validate': async ({ text }) => validateSpecText(text),
    'specs.docs': async ({ id }) => specDocs(workspace, id),
    'specs.generateCollection': async ({ id, withTests }) => changed(generateCollectionFromSpec(workspace, id, { withTests }), 'tree', 'specs'),
    'specs.drift': async ({ id }) => specDrift(workspace, id),
    'specs.sync': async ({ id, keys }) => {
      const result = syncSpecCollection(workspace, id, keys);
      return result.added + result.changed + result.removed > 0 ? changed(result, 'tree', 'specs') : result;
    },
  };
}
