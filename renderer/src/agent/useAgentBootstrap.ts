// Wires Agent Mode into the app once: the AI settings loaded (and reloaded when they change or the
// connection comes back), agent.event into the sidebar's store, the conversation list.
import { useEffect } from 'react';
import { onEvent } from '../rpc';
import { useConnection } from '../rpc/connection';
import { useAiSettings } from '../state/aiSettings';
import { loadConversations, onAgentEvent } from './agentStore';

export function useAgentBootstrap(): void {
  useEffect(() => {
    const loadAll = async () => {
      await useAiSettings.getState().load();
      if (useAiSettings.getState().view?.enabled) await loadConversations();
    };
    void loadAll();
    const offEvents = onEvent('agent.event', onAgentEvent);
    const offChanged = onEvent('workspace.changed', ({ what }) => {
      if (what === 'settings') void useAiSettings.getState().load();
    });
    let wasOpen = useConnection.getState().state.status === 'open';
    const offConn = useConnection.subscribe(({ state }) => {
      const open = state.status === 'open';
      if (open && !wasOpen) void loadAll();
      wasOpen = open;
    });
    return () => {
      offEvents();
      offChanged();
      offConn();
    };
  }, []);
}
