// What the scripts printed with console.log/info/warn/error, in order (pre-request scripts first).
import type { ConsoleEntry } from '../../../shared/model';

export function ConsoleView({ entries }: { entries: ConsoleEntry[] }) {
  if (entries.length === 0) return <p className="empty-note section-pad">The scripts printed nothing. console.log output shows here.</p>;
  return (
    <ol className="script-console" aria-label="Script console" data-testid="script-console">
      {entries.map((e, i) => (
        <li key={i} className={`console-line ${e.level}`}>
          <span className="console-level">{e.level}</span>
          <span className="console-text">{e.args.join(' ')}</span>
        </li>
      ))}
    </ol>
  );
}
