// Handlers for the Agent Mode channels (shared/contract-agent.ts): thin calls into the one
// AgentService, which `courier agent` uses too. agent.send answers the ids at once; the turn then
// streams as agent.event push events.
import type { agentChannels } from '../../../shared/contract-agent.js';
import type { Handlers } from '../../../shared/contract.js';
import { AgentService } from '../agent/agent-service.js';
import { createFileKeyStore } from '../agent/key-store.js';
import type { HandlerContext } from './context.js';

type AgentHandlers = Pick<Handlers, keyof typeof agentChannels>;

/** The service of this app (app-services makes it, with the safeStorage key store in Electron). */
export function agentServiceFor(ctx: HandlerContext): AgentService {
  return (
    ctx.agent ??
    new AgentService({
      workspace: ctx.workspace,
      engine: ctx.engine,
      events: ctx.events,
      keyStore: createFileKeyStore(ctx.workspace.home),
      emit: (e) => ctx.events.emit('agent.event', e),
      meter: ctx.meter,
      createScriptRuntime: ctx.createScriptRuntime,
      mocks: ctx.mocks,
    })
  );
}

export function agentHandlers(ctx: HandlerContext): AgentHandlers {
  const agent = agentServiceFor(ctx);
  return {
    'ai.settings.get': async () => agent.settingsView(),
    'ai.settings.update': async (patch) => agent.updateSettings(patch),
    'ai.setKey': async ({ key }) => agent.setKey(key),
    'ai.testConnection': async () => agent.testConnection(),
    'agent.send': async (input) => {
      const { conversationId, turnId } = agent.start(input);
      return { conversationId, turnId };
    },
    'agent.cancel': async ({ turnId }) => ({ cancelled: agent.cancel(turnId) }),
    'agent.approve': async ({ approvalId, decision }) => ({ resolved: agent.approve(approvalId, decision) }),
    'agent.undoTurn': async ({ turnId }) => agent.undoTurn(turnId),
    'agent.conversations.list': async () => ({ conversations: agent.conversations() }),
    'agent.conversations.get': async ({ id }) => agent.conversation(id),
    'agent.conversations.delete': async ({ id }) => {
      agent.deleteConversation(id);
      return { ok: true as const };
    },
    'agent.feedback': async ({ turnId, rating }) => {
      agent.feedback(turnId, rating);
      return { ok: true as const };
    },
  };
}
