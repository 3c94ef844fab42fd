// The tool calls of a turn: name, a short summary of the arguments, status and result; a step
// opens to show its full arguments.
import { useState } from 'react';
import { argsSummary, prettyArgs } from './stepText';
import type { ChatStep } from './turnReducer';

const STATUS_LABEL: Record<ChatStep['status'], string> = { running: 'running', ok: 'done', error: 'failed', denied: 'denied' };

function Step({ step }: { step: ChatStep }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={`agent-step status-${step.status}`} data-testid="agent-step" data-tool={step.tool} data-status={step.status}>
      <button type="button" className="agent-step-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={`agent-step-dot status-${step.status}`} aria-hidden="true" />
        <code className="agent-step-tool">{step.tool}</code>
        <span className="agent-step-args">{argsSummary(step.args)}</span>
        <span className="agent-step-status">{STATUS_LABEL[step.status]}</span>
      </button>
      {step.summary && <div className="agent-step-summary">{step.summary}</div>}
      {open && <pre className="agent-step-detail">{prettyArgs(step.args)}</pre>}
    </li>
  );
}

export function StepList({ steps }: { steps: ChatStep[] }) {
  if (!steps.length) return null;
  return (
    <ol className="agent-steps" aria-label="Steps">
      {steps.map((s) => (
        <Step key={s.callId} step={s} />
      ))}
    </ol>
  );
}
