// The Agent Mode panel on the right: header (history, new chat, close), the conversation or the
// history list, and the composer.
import { useEffect, useRef } from 'react';
import { AgentIcon } from './AgentIcon';
import { busyTurn, newChat, useAgent } from './agentStore';
import { Composer } from './Composer';
import { ConversationList } from './ConversationList';
import { TurnView } from './TurnView';

function Chat() {
  const turns = useAgent((s) => s.turns);
  const end = useRef<HTMLDivElement>(null);
  const last = turns[turns.length - 1];
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [turns.length, last?.answer.length, last?.steps.length, last?.approvals.length, last?.status]);
  if (!turns.length) {
    return (
      <div className="agent-empty muted">
        <p>Ask the agent to build requests, write and run tests, or document a collection.</p>
        <p>
          Type <kbd>/</kbd> for skills, <kbd>@</kbd> to mention a collection, folder, request or environment. The active tab is included.
        </p>
      </div>
    );
  }
  return (
    <div className="agent-turns" aria-live="polite">
      {turns.map((t) => (
        <TurnView key={t.id} turn={t} />
      ))}
      <div ref={end} />
    </div>
  );
}

export function AgentSidebar() {
  const view = useAgent((s) => s.view);
  const setView = useAgent((s) => s.setView);
  const setOpen = useAgent((s) => s.setOpen);
  const busy = busyTurn(useAgent((s) => s.turns));
  return (
    <aside className="agent-sidebar" aria-label="Agent" data-testid="agent-sidebar">
      <header className="agent-header">
        <AgentIcon size={15} />
        <strong>Agent</strong>
        <div className="grow" />
        <button type="button" className={`button ghost small ${view === 'history' ? 'active' : ''}`} aria-pressed={view === 'history'} onClick={() => setView(view === 'history' ? 'chat' : 'history')}>
          History
        </button>
        <button type="button" className="button ghost small" onClick={newChat}>
          New chat
        </button>
        <button type="button" className="icon-button small" aria-label="Close agent" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <div className="agent-body">{view === 'history' ? <ConversationList /> : <Chat />}</div>
      <Composer busy={busy} />
    </aside>
  );
}
