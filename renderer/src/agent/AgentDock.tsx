// The main area with the agent sidebar beside it when AI is on and the sidebar is open.
import '../styles/agent.css';
import type { ReactNode } from 'react';
import { Split } from '../common/Split';
import { AgentSidebar } from './AgentSidebar';
import { useAgent } from './agentStore';
import { useAgentBootstrap } from './useAgentBootstrap';
import { useAiEnabled } from './useAiEnabled';

export function AgentDock({ children }: { children: ReactNode }) {
  useAgentBootstrap();
  const enabled = useAiEnabled();
  const open = useAgent((s) => s.open);
  const shown = enabled && open;
  // The same Split either way, so the main area is never remounted when the sidebar opens.
  return (
    <Split
      direction="horizontal"
      storageKey="courier.split.agent"
      sizeOf="second"
      initial={400}
      min={300}
      label="Resize agent sidebar"
      className={`agent-dock ${shown ? '' : 'agent-closed'}`}
      first={children}
      second={shown ? <AgentSidebar /> : null}
    />
  );
}
