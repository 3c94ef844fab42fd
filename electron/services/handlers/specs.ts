// OpenAPI specs in the workspace: CRUD, validation as you type, the Docs preview, and the link to
// the collection generated from a spec (generate, drift, sync).
import type { Handlers } from '../../../shared/contract.js';
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
  throw new Error('Specs are not available yet');
};

export function specHandlers(_ctx: HandlerContext): SpecHandlers {
  return {
    'specs.list': notYet,
    'specs.get': notYet,
    'specs.create': notYet,
    'specs.update': notYet,
    'specs.delete': notYet,
    'specs.validate': notYet,
    'specs.docs': notYet,
    'specs.generateCollection': notYet,
    'specs.drift': notYet,
    'specs.sync': notYet,
  };
}
