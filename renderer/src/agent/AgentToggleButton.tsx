// The top bar's button that shows or hides the agent sidebar (absent while AI is off).
import { MOD } from '../shortcuts/shortcutList';
import { AgentIcon } from './AgentIcon';
import { toggleAgent, useAgent } from './agentStore';
import { useAiEnabled } from './useAiEnabled';

export const AGENT_SHORTCUT = `${MOD} Shift A, or Alt A`;

export function AgentToggleButton() {
  const enabled = useAiEnabled();
  const open = useAgent((s) => s.open);
  if (!enabled) return null;
  return (
    <button
      type="button"
      className={`button ghost ${open ? 'active' : ''}`}
      aria-label="Agent"
      aria-pressed={open}
      title={`Agent (${AGENT_SHORTCUT})`}
      data-testid="agent-toggle"
      data-ai="true"
      onClick={toggleAgent}
    >
      <AgentIcon size={15} />
      <span className="small-hide">Agent</span>
    </button>
  );
}
