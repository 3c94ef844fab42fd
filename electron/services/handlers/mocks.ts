// Mock servers of a spec or of a collection's saved examples, and their live request log.
import type { Handlers } from '../../../shared/contract.js';
import type { HandlerContext } from './context.js';

type MockHandlers = Pick<Handlers, 'mocks.list' | 'mocks.start' | 'mocks.stop' | 'mocks.log'>;

const notYet = async (): Promise<never> => {
  throw new Error('Mock servers are not available yet');
};

export function mockHandlers(_ctx: HandlerContext): MockHandlers {
  return { 'mocks.list': notYet, 'mocks.start': notYet, 'mocks.stop': notYet, 'mocks.log': notYet };
}
