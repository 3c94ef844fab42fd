// Handlers for the Agent Mode channels (shared/contract-agent.ts).
import type { agentChannels } from '../../../shared/contract-agent.js';
import type { Handlers } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { HandlerContext } from './context.js';

type AgentHandlers = Pick<Handlers, keyof typeof agentChannels>;

const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'not yet');
};

export function agentHandlers(_ctx: HandlerContext): AgentHandlers {
  return {
    'ai.settings.get': notYet,
    'ai.settings.update': notYet,
    'ai.setKey': notYet,
    'ai.testConnection': notYet,
    'agent.send': notYet,
    'agent.cancel': notYet,
    'agent.approve': notYet,
    'agent.undoTurn': notYet,
    'agent.conversations.list': notYet,
    'agent.conversations.get': notYet,
    'agent.conversations.delete': notYet,
    'agent.feedback': notYet,
  };
}
