// Handlers for the Agent Mode channels (shared/contract-agent.ts).
import type { agentChannels } from '../../../shared/contract-agent.js';
import type { Handlers } from '../../../shared/contract.js';
import type { HandlerContext } from './context.js';

export function agentHandlers(_ctx: HandlerContext): Pick<Handlers, keyof typeof agentChannels> {
  return {};
}
