// How `courier agent` prints a turn's events for a person (--json prints them as they are).
import type { AgentEvent } from '../../../shared/contract-agent.js';

const MAX_ARGS = 160;

/** One line per event, or null for events shown otherwise (text deltas: the answer is printed whole). */
export function formatAgentEvent(e: AgentEvent, approve: 'all' | 'none'): string | null {
  switch (e.type) {
    case 'turn.start':
      return `Agent (${e.model})${e.skill ? ` /${e.skill}` : ''}`;
    case 'text.delta':
      return null;
    case 'tool.start':
      return `  → ${e.tool} ${e.args.length > MAX_ARGS ? `${e.args.slice(0, MAX_ARGS)}…` : e.args}`;
    case 'tool.end':
      return `    ${e.step.status === 'ok' ? '✓' : e.step.status === 'denied' ? '✗ denied:' : '✗'} ${e.step.summary}`;
    case 'approval.request':
      return `  ? ${e.summary} needs approval (${e.reason}): ${approve === 'all' ? 'approved by --approve all' : 'denied (pass --approve all to allow)'}`;
    case 'approval.resolved':
      return null;
    case 'turn.checkpoint': {
      const { created, changed } = e.checkpoint;
      const names = [...created.map((c) => `+ ${c.kind} ${c.name}`), ...changed.map((c) => `~ ${c.kind} ${c.name} (${c.action})`)];
      return `  Checkpoint: ${names.join(', ')} — undo it in the app's Agent sidebar`;
    }
    case 'turn.done': {
      const input = e.calls.reduce((n, c) => n + c.inputTokens, 0);
      const output = e.calls.reduce((n, c) => n + c.outputTokens, 0);
      const how = e.stopReason === 'step_limit' ? ' (step limit reached)' : e.status === 'cancelled' ? ' (cancelled)' : '';
      return `  Done${how}: ${e.calls.length} model calls, ${input} input + ${output} output tokens`;
    }
    case 'turn.error':
      return null; // printed on stderr by the command
  }
}
