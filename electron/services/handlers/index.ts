// Every channel of the contract has exactly one handler. The object is typed `Handlers`, so a
// channel added to shared/contract.ts without a handler here fails to compile, for both transports.
import type { Handlers } from '../../../shared/contract.js';
import { agentHandlers } from './agent.js';
import type { HandlerContext } from './context.js';
import { creditHandlers } from './credits.js';
import { docsHandlers } from './docs.js';
import { environmentHandlers } from './environments.js';
import { formatHandlers } from './formats.js';
import { httpHandlers } from './http.js';
import { itemHandlers } from './items.js';
import { miscHandlers } from './misc.js';
import { mockHandlers } from './mocks.js';
import { runnerHandlers } from './runner.js';
import { specHandlers } from './specs.js';

export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...itemHandlers(ctx),
    ...environmentHandlers(ctx),
    ...httpHandlers(ctx),
    ...miscHandlers(ctx),
    ...runnerHandlers(ctx),
    ...formatHandlers(ctx),
    ...agentHandlers(ctx),
    ...creditHandlers(ctx),
    ...docsHandlers(ctx),
    ...specHandlers(ctx),
    ...mockHandlers(ctx),
  };
}
