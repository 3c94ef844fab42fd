// Mock servers of a spec or of a collection's saved examples, and their live request log. The
// servers belong to the app's one MockManager (ctx.mocks), which the agent's start_mock shares.
import type { Handlers } from '../../../shared/contract.js';
import { createMockManager } from '../mock/mock-manager.js';
import type { HandlerContext } from './context.js';

type MockHandlers = Pick<Handlers, 'mocks.list' | 'mocks.start' | 'mocks.stop' | 'mocks.log'>;

export function mockHandlers(ctx: HandlerContext): MockHandlers {
  const mocks = ctx.mocks ?? createMockManager({ workspace: ctx.workspace, events: ctx.events });
  return {
    'mocks.list': async () => ({ mocks: mocks.list() }),
    'mocks.start': async (options) => mocks.start(options),
    'mocks.stop': async ({ id }) => {
      await mocks.stop(id);
      return { ok: true as const };
    },
    'mocks.log': async ({ id }) => ({ entries: mocks.log(id) }),
  };
}
