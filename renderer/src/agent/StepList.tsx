// The tool calls of a turn: name, a short summary of the arguments, status and result; a step
// opens to show its full arguments.
import { useState } from 'react';
import type { ChatStep } from './turnReducer';

const STATUS_LABEL: Record<ChatStep['status'], string> = { running: 'running', ok: 'done', error: 'failed', denied: 'denied' };

/** `{"method":"GET","url":"http://x"}` → `method: GET, url: http://x`, cut to a line. */
export function argsSummary(args: string, max = 80): string {
  let text = args;
  try {
    const parsed: unknown = JSON.parse(args);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      text = Object.entries(parsed as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
    }
  } catch {
    // not JSON: shown as it came
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function prettyArgs(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}

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
