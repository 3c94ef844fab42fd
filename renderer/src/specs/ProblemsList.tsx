// The problems of the spec under its editor, one row each with its line; a click jumps there.
import type { SpecProblem } from '../../../shared/contract-design';

interface Props {
  problems: SpecProblem[] | null;
  /** Validation itself failed (no answer from the main process). */
  error: string | null;
  onJump: (problem: SpecProblem) => void;
}

export function ProblemsList({ problems, error, onJump }: Props) {
  const count = problems?.length ?? 0;
  return (
    <section className="spec-problems" aria-label="Problems" data-testid="spec-problems">
      <div className="spec-section-title">
        Problems{problems ? ` (${count})` : ''}
      </div>
      {error && <p className="error-text">Could not validate: {error}</p>}
      {problems && count === 0 && <p className="muted spec-valid">No problems: a valid OpenAPI document.</p>}
      {count > 0 && (
        <ul className="spec-problem-list">
          {problems!.map((p, i) => (
            <li key={i}>
              <button className={`spec-problem ${p.severity}`} onClick={() => onJump(p)} title="Go to the line">
                <span className="spec-problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                <span className="spec-problem-line">Line {p.line}</span>
                <span className="spec-problem-message">{p.message}</span>
                {p.path && <code className="spec-problem-path">{p.path}</code>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
