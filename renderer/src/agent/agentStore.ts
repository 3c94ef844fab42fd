// The agent sidebar's state: open or not, the conversation on screen and its turns (kept current
// by agent.event), the history list. The actions here are the only callers of agent.* channels.
import { create } from 'zustand';
import type { AgentEvent, ApprovalDecision, ConversationSummary, Mention } from '../../../shared/contract-agent';
import { rpc } from '../rpc';
import { useAiSettings } from '../state/aiSettings';
import { attempt, errorMessage, notify } from '../state/toasts';
import { newId } from '../util/id';
import { skillOf } from './composerText';
import { activeTabContext, refreshOpenItems } from './tabContext';
import { applyEvent, claimTurn, HeldEvents, isFinal } from './turnList';
import { checkpointEntries, isBusy, pendingTurn, turnFromStored, type ChatTurn } from './turnReducer';

const OPEN_KEY = 'courier.agent.open';

export type AgentView = 'chat' | 'history';

interface AgentState {
  open: boolean;
  view: AgentView;
  conversationId: string | null;
  turns: ChatTurn[];
  conversations: ConversationSummary[];
  setOpen: (open: boolean) => void;
  setView: (view: AgentView) => void;
}

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

export const useAgent = create<AgentState>((set) => ({
  open: readOpen(),
  view: 'chat',
  conversationId: null,
  turns: [],
  conversations: [],
  setOpen: (open) => {
    try {
      localStorage.setItem(OPEN_KEY, open ? '1' : '0');
    } catch {
      // not critical
    }
    set({ open });
  },
  setView: (view) => set({ view }),
}));

export function toggleAgent(): void {
  const { open, setOpen } = useAgent.getState();
  setOpen(!open);
  if (!open) window.setTimeout(() => window.dispatchEvent(new Event('courier:focus-agent')), 0);
}

function patchTurn(id: string, fn: (t: ChatTurn) => ChatTurn): void {
  useAgent.setState((s) => ({ turns: s.turns.map((t) => (t.id === id ? fn(t) : t)) }));
}

const held = new HeldEvents();

/** Every agent.event goes through here (wired in useAgentBootstrap). */
export function onAgentEvent(event: AgentEvent): void {
  const turns = applyEvent(useAgent.getState().turns, event);
  if (!turns) return held.hold(event);
  useAgent.setState({ turns });
  if (isFinal(event)) afterTurn(event.turnId);
}

function afterTurn(turnId: string): void {
  const turn = useAgent.getState().turns.find((t) => t.id === turnId);
  const ids = checkpointEntries(turn?.checkpoint ?? null).map((e) => e.id);
  if (ids.length) void refreshOpenItems(ids);
  void loadConversations();
}

export async function sendMessage(message: string, mentions: Mention[]): Promise<void> {
  const text = message.trim();
  if (!text) return;
  const state = useAgent.getState();
  const skill = skillOf(text);
  const pendingId = `pending-${newId()}`;
  useAgent.setState({ turns: [...state.turns, pendingTurn(pendingId, text, skill, state.conversationId)], view: 'chat' });
  try {
    const { conversationId, turnId } = await rpc['agent.send']({
      conversationId: state.conversationId,
      message: text,
      mentions,
      activeTab: activeTabContext(),
      ...(skill ? { skill } : {}),
    });
    const waiting = held.take(turnId);
    const current = useAgent.getState();
    // Still the same chat on screen (not "New chat" or another conversation meanwhile): it continues there.
    if (current.turns.some((t) => t.id === pendingId)) {
      useAgent.setState({ conversationId, turns: claimTurn(current.turns, pendingId, turnId, conversationId, waiting) });
    }
    if (waiting.some(isFinal)) afterTurn(turnId);
  } catch (err) {
    patchTurn(pendingId, (t) => ({ ...t, status: 'failed', error: { message: errorMessage(err), problem: null } }));
  }
}

export async function cancelTurn(turnId: string): Promise<void> {
  await attempt(() => rpc['agent.cancel']({ turnId }), 'Could not stop the turn');
}

export async function decideApproval(turnId: string, approvalId: string, decision: ApprovalDecision): Promise<void> {
  patchTurn(turnId, (t) => ({ ...t, approvals: t.approvals.map((a) => (a.approvalId === approvalId ? { ...a, decision } : a)) }));
  const got = await attempt(() => rpc['agent.approve']({ approvalId, decision }), 'Could not answer the approval');
  // The call failed: the card asks again. (resolved false: the turn had already moved on.)
  if (!got) patchTurn(turnId, (t) => ({ ...t, approvals: t.approvals.map((a) => (a.approvalId === approvalId ? { ...a, decision: null } : a)) }));
  if (decision === 'always') void useAiSettings.getState().load();
}

export async function undoTurn(turnId: string): Promise<void> {
  const got = await attempt(() => rpc['agent.undoTurn']({ turnId }), 'Could not undo the turn');
  if (!got) return;
  patchTurn(turnId, (t) => ({ ...t, undone: true }));
  notify(`Turn undone: ${got.removed} removed, ${got.restored} restored`, 'success');
  const turn = useAgent.getState().turns.find((t) => t.id === turnId);
  void refreshOpenItems(checkpointEntries(turn?.checkpoint ?? null).map((e) => e.id));
}

export async function rateTurn(turnId: string, rating: 'up' | 'down'): Promise<void> {
  const turn = useAgent.getState().turns.find((t) => t.id === turnId);
  if (!turn) return;
  const next = turn.feedback === rating ? null : rating;
  patchTurn(turnId, (t) => ({ ...t, feedback: next }));
  const ok = await attempt(() => rpc['agent.feedback']({ turnId, rating: next }), 'Could not save the feedback');
  if (!ok) patchTurn(turnId, (t) => ({ ...t, feedback: turn.feedback }));
}

export function newChat(): void {
  useAgent.setState({ conversationId: null, turns: [], view: 'chat' });
  window.dispatchEvent(new Event('courier:focus-agent'));
}

export async function loadConversations(): Promise<void> {
  const got = await rpc['agent.conversations.list']({}).catch(() => null);
  if (got) useAgent.setState({ conversations: got.conversations });
}

export async function openConversation(id: string): Promise<void> {
  const got = await attempt(() => rpc['agent.conversations.get']({ id }), 'Could not open the conversation');
  if (!got) return;
  useAgent.setState({ conversationId: got.id, turns: got.turnList.map(turnFromStored), view: 'chat' });
}

export async function deleteConversation(id: string): Promise<void> {
  const ok = await attempt(() => rpc['agent.conversations.delete']({ id }), 'Could not delete the conversation');
  if (!ok) return;
  useAgent.setState((s) => ({
    conversations: s.conversations.filter((c) => c.id !== id),
    ...(s.conversationId === id ? { conversationId: null, turns: [] } : {}),
  }));
}

export function busyTurn(turns: ChatTurn[]): ChatTurn | undefined {
  return turns.find(isBusy);
}
