// A turn as the sidebar shows it, built from the agent.event stream (reduceTurn) or from a stored
// turn of a reopened conversation (turnFromStored). Pure: no store, no rpc.
import type {
  AgentEvent,
  AgentSkill,
  AgentTurn,
  ApprovalDecision,
  Checkpoint,
  ToolStep,
  TurnProblem,
} from '../../../shared/contract-agent';

export type StepStatus = ToolStep['status'] | 'running';

export interface ChatStep {
  callId: string;
  tool: string;
  args: string;
  status: StepStatus;
  summary: string;
}

export interface ChatApproval {
  approvalId: string;
  callId: string;
  tool: string;
  summary: string;
  reason: string;
  host?: string;
  /** null while it waits for the user's click. */
  decision: ApprovalDecision | null;
}

export type ChatTurnStatus = 'sending' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface ChatTurn {
  id: string;
  conversationId: string | null;
  message: string;
  skill: AgentSkill | null;
  status: ChatTurnStatus;
  answer: string;
  steps: ChatStep[];
  approvals: ChatApproval[];
  checkpoint: Checkpoint | null;
  error: { message: string; problem: TurnProblem | null } | null;
  /** 'step_limit' when the turn stopped at the step limit. */
  stopReason: 'answer' | 'cancelled' | 'step_limit' | null;
  feedback: 'up' | 'down' | null;
  undone: boolean;
  model: string;
}

/** The turn shown the moment the user presses Send, before agent.send answers with its id. */
export function pendingTurn(id: string, message: string, skill: AgentSkill | null, conversationId: string | null): ChatTurn {
  return {
    id,
    conversationId,
    message,
    skill,
    status: 'sending',
    answer: '',
    steps: [],
    approvals: [],
    checkpoint: null,
    error: null,
    stopReason: null,
    feedback: null,
    undone: false,
    model: '',
  };
}

function upsertStep(steps: ChatStep[], step: ChatStep): ChatStep[] {
  const i = steps.findIndex((s) => s.callId === step.callId);
  if (i < 0) return [...steps, step];
  const next = steps.slice();
  next[i] = { ...steps[i], ...step };
  return next;
}

/** Applies one agent.event to its turn (a turn not seen before starts from the event). */
export function reduceTurn(turn: ChatTurn | undefined, event: AgentEvent): ChatTurn {
  const t: ChatTurn = turn
    ? { ...turn, id: event.turnId, conversationId: event.conversationId }
    : pendingTurn(event.turnId, '', null, event.conversationId);
  if (t.status === 'sending') t.status = 'running';
  switch (event.type) {
    case 'turn.start':
      return { ...t, message: event.message || t.message, skill: event.skill, model: event.model };
    case 'text.delta':
      return { ...t, answer: t.answer + event.text };
    case 'tool.start':
      return { ...t, steps: upsertStep(t.steps, { callId: event.callId, tool: event.tool, args: event.args, status: 'running', summary: '' }) };
    case 'tool.end':
      return { ...t, steps: upsertStep(t.steps, { ...event.step }) };
    case 'approval.request': {
      const approval: ChatApproval = {
        approvalId: event.approvalId,
        callId: event.callId,
        tool: event.tool,
        summary: event.summary,
        reason: event.reason,
        host: event.host,
        decision: null,
      };
      return { ...t, approvals: [...t.approvals.filter((a) => a.approvalId !== event.approvalId), approval] };
    }
    case 'approval.resolved':
      return { ...t, approvals: t.approvals.map((a) => (a.approvalId === event.approvalId ? { ...a, decision: event.decision } : a)) };
    case 'turn.checkpoint':
      return { ...t, checkpoint: event.checkpoint };
    case 'turn.done':
      return {
        ...t,
        status: event.status,
        stopReason: event.stopReason,
        // The streamed text is what the user watched; the final answer wins when they differ.
        answer: event.answer || t.answer,
        steps: t.steps.map((s) => (s.status === 'running' ? { ...s, status: 'error', summary: s.summary || 'Not finished' } : s)),
        approvals: t.approvals.map((a) => (a.decision ? a : { ...a, decision: 'deny' })),
      };
    case 'turn.error':
      return {
        ...t,
        status: 'failed',
        error: { message: event.message, problem: event.problem },
        steps: t.steps.map((s) => (s.status === 'running' ? { ...s, status: 'error', summary: s.summary || 'Not finished' } : s)),
        approvals: t.approvals.map((a) => (a.decision ? a : { ...a, decision: 'deny' })),
      };
  }
}

/** A stored turn (agent.conversations.get) as the sidebar shows it. */
export function turnFromStored(turn: AgentTurn): ChatTurn {
  const failed = turn.status === 'failed';
  return {
    id: turn.id,
    conversationId: turn.conversationId,
    message: turn.message,
    skill: turn.skill,
    status: turn.status,
    answer: turn.answer,
    steps: turn.steps.map((s) => ({ ...s })),
    approvals: [],
    checkpoint: turn.checkpoint,
    error: failed && turn.error ? { message: turn.error, problem: null } : null,
    stopReason: !failed && turn.error ? 'step_limit' : null,
    feedback: turn.feedback,
    undone: turn.undoneAt !== null,
    model: turn.model,
  };
}

export function isBusy(turn: ChatTurn): boolean {
  return turn.status === 'sending' || turn.status === 'running';
}

/** What the turn card lists: everything created or changed (nothing when the turn touched nothing). */
export function checkpointEntries(checkpoint: Checkpoint | null) {
  if (!checkpoint) return [];
  return [...checkpoint.created, ...checkpoint.changed];
}
