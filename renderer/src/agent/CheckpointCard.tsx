// The card at the end of a turn: what it created and changed, each with its diff, and "Undo turn".
import { useState } from 'react';
import type { AssetChange } from '../../../shared/contract-agent';
import { undoTurn } from './agentStore';
import { checkpointEntries, type ChatTurn } from './turnReducer';

function DiffView({ diff }: { diff: string }) {
  const lines = diff.split('\n').filter((l) => !l.startsWith('Index:') && !/^={3,}$/.test(l));
  return (
    <pre className="agent-diff" aria-label="Diff">
      {lines.map((line, i) => {
        const kind = line.startsWith('+++') || line.startsWith('---') ? 'file' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : 'ctx';
        return (
          <span key={i} className={`diff-${kind}`}>
            {line}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

function ChangeRow({ change }: { change: AssetChange }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="agent-change" data-testid="agent-change" data-action={change.action}>
      <div className="agent-change-head">
        <span className={`agent-change-action action-${change.action}`}>{change.action}</span>
        <span className="agent-change-kind muted">{change.kind}</span>
        <span className="agent-change-name">{change.name}</span>
        {change.diff && (
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide diff' : 'Diff'}
          </button>
        )}
      </div>
      {open && <DiffView diff={change.diff} />}
    </li>
  );
}

export function CheckpointCard({ turn }: { turn: ChatTurn }) {
  const entries = checkpointEntries(turn.checkpoint);
  const [busy, setBusy] = useState(false);
  if (!entries.length) return null;
  const undo = async () => {
    setBusy(true);
    await undoTurn(turn.id);
    setBusy(false);
  };
  return (
    <section className={`agent-checkpoint ${turn.undone ? 'undone' : ''}`} aria-label="Changes of this turn" data-testid="agent-checkpoint">
      <header>
        <strong>
          {turn.checkpoint!.created.length} created, {turn.checkpoint!.changed.length} changed
        </strong>
        {turn.undone ? (
          <span className="muted">Undone</span>
        ) : (
          <button type="button" className="button small" disabled={busy || turn.status === 'running'} onClick={() => void undo()}>
            Undo turn
          </button>
        )}
      </header>
      <ul>
        {entries.map((c) => (
          <ChangeRow key={`${c.action}:${c.kind}:${c.id}`} change={c} />
        ))}
      </ul>
    </section>
  );
}
