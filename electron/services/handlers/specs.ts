// OpenAPI specs in the workspace: CRUD, validation as you type, the Docs preview, and the link to
// the collection generated from a spec (generate, drift, sync). What changes the workspace says so
// with `workspace.changed` ('specs', and 'tree' when requests change).
import type { Handlers } from '../../../shared/contract.js';
import { starterSpec, validateSpecText } from '../specs/index.js';
import { specSummary } from '../specs/summary.js';
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

const notYet = async (): Promise<never> => {
  throw new Error('Not available yet');
};

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
    'specs.docs': notYet,
    'specs.generateCollection': notYet,
    'specs.drift': notYet,
    'specs.sync': notYet,
  };
}
