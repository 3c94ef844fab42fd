// Handlers for the credits channels (shared/contract-credits.ts).
import type { creditChannels } from '../../../shared/contract-credits.js';
import type { Handlers } from '../../../shared/contract.js';
import type { HandlerContext } from './context.js';

export function creditHandlers(_ctx: HandlerContext): Pick<Handlers, keyof typeof creditChannels> {
  return {};
}
