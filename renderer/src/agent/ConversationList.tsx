// The conversations kept in the workspace, newest first: open one, or delete it.
import { useEffect } from 'react';
import { confirm } from '../state/dialogs';
import { deleteConversation, loadConversations, openConversation, useAgent } from './agentStore';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString();
}

export function ConversationList() {
  const conversations = useAgent((s) => s.conversations);
  const current = useAgent((s) => s.conversationId);
  useEffect(() => {
    void loadConversations();
  }, []);
  if (!conversations.length) return <p className="muted agent-empty">No conversations yet.</p>;
  const remove = async (id: string, title: string) => {
    if (await confirm('Delete conversation', `Delete “${title}”? Its turns are forgotten; what they changed stays.`)) await deleteConversation(id);
  };
  return (
    <ul className="agent-history" aria-label="Conversations">
      {[...conversations]
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((c) => (
          <li key={c.id} className={c.id === current ? 'current' : ''}>
            <button type="button" className="agent-history-open" onClick={() => void openConversation(c.id)}>
              <span className="agent-history-title">{c.title || 'Untitled'}</span>
              <span className="muted small">
                {c.turns} {c.turns === 1 ? 'turn' : 'turns'} · {when(c.updatedAt)}
              </span>
            </button>
            <button type="button" className="icon-button small" aria-label={`Delete conversation ${c.title}`} onClick={() => void remove(c.id, c.title)}>
              ×
            </button>
          </li>
        ))}
    </ul>
  );
}
