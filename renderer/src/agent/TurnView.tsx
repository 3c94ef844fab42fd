// One turn in the chat: the user's message, the steps, approvals waiting, the streamed answer,
// an error as the provider (or the credit meter) said it, the turn card and thumbs up/down.
import type { TurnProblem } from '../../../shared/contract-agent';
import { ApprovalCard } from './ApprovalCard';
import { rateTurn } from './agentStore';
import { CheckpointCard } from './CheckpointCard';
import { Markdown } from './Markdown';
import { StepList } from './StepList';
import type { ChatTurn } from './turnReducer';

const PROBLEM_TITLE: Partial<Record<TurnProblem, string>> = {
  bad_key: 'The provider refused the API key',
  unreachable: 'The provider could not be reached',
  unknown_model: 'The provider does not know this model',
  rate_limited: 'The provider is rate limiting',
  provider_error: 'The provider failed',
  not_configured: 'Agent Mode is not set up',
  refused: 'The credit meter refused this turn',
  ai_off: 'AI is off',
  bad_output: 'The model kept sending invalid tool calls',
};

function Feedback({ turn }: { turn: ChatTurn }) {
  return (
    <div className="agent-feedback" role="group" aria-label="Rate this answer">
      <button type="button" className={`icon-button small ${turn.feedback === 'up' ? 'active' : ''}`} aria-label="Good answer" aria-pressed={turn.feedback === 'up'} onClick={() => void rateTurn(turn.id, 'up')}>
        👍
      </button>
      <button type="button" className={`icon-button small ${turn.feedback === 'down' ? 'active' : ''}`} aria-label="Bad answer" aria-pressed={turn.feedback === 'down'} onClick={() => void rateTurn(turn.id, 'down')}>
        👎
      </button>
    </div>
  );
}

export function TurnView({ turn }: { turn: ChatTurn }) {
  const running = turn.status === 'sending' || turn.status === 'running';
  const finished = !running && !turn.id.startsWith('pending-');
  return (
    <article className="agent-turn" data-testid="agent-turn" data-status={turn.status} aria-busy={running}>
      <div className="agent-user-message">{turn.message}</div>
      <StepList steps={turn.steps} />
      {turn.approvals
        .filter((a) => a.decision === null || running)
        .map((a) => (
          <ApprovalCard key={a.approvalId} turnId={turn.id} approval={a} />
        ))}
      {turn.answer && (
        <div className="agent-answer" data-testid="agent-answer">
          <Markdown text={turn.answer} />
        </div>
      )}
      {running && !turn.answer && <div className="agent-thinking muted">{turn.status === 'sending' ? 'Sending…' : 'Working…'}</div>}
      {turn.error && (
        <div className="agent-error" role="alert" data-testid="agent-error" data-problem={turn.error.problem ?? ''}>
          {turn.error.problem && PROBLEM_TITLE[turn.error.problem] && <strong>{PROBLEM_TITLE[turn.error.problem]}</strong>}
          <p>{turn.error.message}</p>
        </div>
      )}
      {turn.stopReason === 'step_limit' && <div className="agent-note muted">Stopped at the step limit (Settings → AI).</div>}
      {turn.status === 'cancelled' && <div className="agent-note muted">Stopped.</div>}
      <CheckpointCard turn={turn} />
      {finished && turn.status !== 'failed' && <Feedback turn={turn} />}
    </article>
  );
}
