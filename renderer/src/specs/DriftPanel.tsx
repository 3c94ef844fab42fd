// What differs between the spec and the collection generated from it: operations added to the spec,
// changed (with what changed) and removed, each checked to be applied; "Update collection" applies
// the checked ones (all of them when all are checked), keeping the user's scripts and examples.
import { useEffect, useState } from 'react';
import type { DriftEntry, SpecDrift } from '../../../shared/contract-design';
import { methodClass } from '../util/methods';

interface Props {
  drift: SpecDrift | null;
  error: string | null;
  busy: boolean;
  onUpdate: (keys: string[] | undefined) => void;
}

const GROUPS = [
  { key: 'added', title: 'Added', hint: 'in the spec, not in the collection yet' },
  { key: 'changed', title: 'Changed', hint: 'different in the spec' },
  { key: 'removed', title: 'Removed', hint: 'gone from the spec' },
] as const;

function allKeys(drift: SpecDrift | null): string[] {
  return drift ? [...drift.added, ...drift.changed, ...drift.removed].map((e) => e.key) : [];
}

function Entry({ entry, checked, onToggle }: { entry: DriftEntry; checked: boolean; onToggle: () => void }) {
  return (
    <li className="drift-entry" data-testid="drift-entry" aria-label={entry.key}>
      <label className="drift-entry-head">
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Apply ${entry.key}`} />
        <span className={`method-badge small ${methodClass(entry.method)}`}>{entry.method}</span>
        <code>{entry.path}</code>
        {entry.name !== entry.key && <span className="muted">{entry.name}</span>}
      </label>
      {entry.details.length > 0 && (
        <ul className="drift-details">
          {entry.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function DriftPanel({ drift, error, busy, onUpdate }: Props) {
  const keys = allKeys(drift);
  const keysJson = JSON.stringify(keys);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  useEffect(() => setUnchecked(new Set()), [keysJson]);
  const chosen = keys.filter((k) => !unchecked.has(k));
  const toggle = (key: string) =>
    setUnchecked((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section className="drift-panel" aria-label="Drift" data-testid="drift-panel">
      <div className="spec-section-title">
        Drift from the collection
        <div className="grow" />
        <button
          className="button primary small"
          disabled={busy || chosen.length === 0}
          onClick={() => onUpdate(chosen.length === keys.length ? undefined : chosen)}
        >
          Update collection
        </button>
      </div>
      {error && <p className="error-text">Could not compare with the collection: {error}</p>}
      {drift && keys.length === 0 && <p className="muted">The collection matches the spec.</p>}
      {drift &&
        GROUPS.map((g) =>
          drift[g.key].length === 0 ? null : (
            <div key={g.key} className={`drift-group drift-${g.key}`} role="group" aria-label={g.title}>
              <div className="drift-group-title">
                {g.title} ({drift[g.key].length}) <span className="muted">— {g.hint}</span>
              </div>
              <ul className="drift-list">
                {drift[g.key].map((e) => (
                  <Entry key={e.key} entry={e} checked={!unchecked.has(e.key)} onToggle={() => toggle(e.key)} />
                ))}
              </ul>
            </div>
          ),
        )}
    </section>
  );
}
