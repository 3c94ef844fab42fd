// Variables of an environment, the globals or a collection: key, value, enabled, secret.
// Secret values show as •••• until revealed (per row, or all at once).
import { useState } from 'react';
import type { Variable } from '../../../shared/model';
import { Icon } from '../common/Icon';

interface Props {
  variables: Variable[];
  onChange: (variables: Variable[]) => void;
  label: string;
  testId?: string;
}

const EMPTY: Variable = { key: '', value: '', enabled: true, secret: false };

export function VariablesTable({ variables, onChange, label, testId }: Props) {
  const [revealed, setRevealed] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const all = [...variables, EMPTY];

  const update = (index: number, patch: Partial<Variable>) => {
    if (index === variables.length) onChange([...variables, { ...EMPTY, ...patch }]);
    else onChange(variables.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  };
  const remove = (index: number) => {
    onChange(variables.filter((_, i) => i !== index));
    setRevealed(new Set());
  };
  const toggleReveal = (i: number) => {
    const next = new Set(revealed);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    setRevealed(next);
  };
  const needle = filter.trim().toLowerCase();

  return (
    <div className="vars" data-testid={testId}>
      <div className="vars-toolbar">
        <input
          className="input small"
          type="search"
          placeholder="Filter variables"
          aria-label={`Filter ${label}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted">{variables.length} variable{variables.length === 1 ? '' : 's'}</span>
      </div>
      <table className="kv-table vars-table" aria-label={label}>
        <thead>
          <tr>
            <th className="kv-check" aria-label="Enabled" />
            <th>Variable</th>
            <th>Value</th>
            <th className="vars-secret">Secret</th>
            <th className="kv-actions" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {all.map((v, i) => {
            const ghost = i === variables.length;
            if (!ghost && needle && !v.key.toLowerCase().includes(needle)) return null;
            const masked = v.secret && !revealed.has(i);
            return (
              <tr key={i} className={`${ghost ? 'kv-ghost' : ''} ${v.enabled === false ? 'kv-disabled' : ''}`}>
                <td className="kv-check">
                  {!ghost && (
                    <input
                      type="checkbox"
                      checked={v.enabled !== false}
                      aria-label={`Enable ${v.key || 'variable ' + (i + 1)}`}
                      onChange={(e) => update(i, { enabled: e.target.checked })}
                    />
                  )}
                </td>
                <td>
                  <input
                    className="cell-input mono"
                    value={v.key}
                    spellCheck={false}
                    placeholder={ghost ? 'Add variable' : 'Name'}
                    aria-label={`Variable name ${i + 1}`}
                    onChange={(e) => update(i, { key: e.target.value })}
                  />
                </td>
                <td>
                  <div className="secret-cell">
                    <input
                      className="cell-input mono"
                      type={masked ? 'password' : 'text'}
                      value={v.value}
                      spellCheck={false}
                      autoComplete="off"
                      placeholder={ghost ? '' : 'Value'}
                      aria-label={`Value of ${v.key || 'variable ' + (i + 1)}`}
                      onChange={(e) => update(i, { value: e.target.value })}
                    />
                    {v.secret && !ghost && (
                      <button
                        className="icon-button subtle"
                        aria-label={masked ? `Reveal ${v.key}` : `Hide ${v.key}`}
                        aria-pressed={!masked}
                        onClick={() => toggleReveal(i)}
                      >
                        <Icon name={masked ? 'eye' : 'eyeOff'} size={14} />
                      </button>
                    )}
                  </div>
                </td>
                <td className="vars-secret">
                  {!ghost && (
                    <input
                      type="checkbox"
                      checked={!!v.secret}
                      aria-label={`Secret ${v.key || 'variable ' + (i + 1)}`}
                      onChange={(e) => update(i, { secret: e.target.checked })}
                    />
                  )}
                </td>
                <td className="kv-actions">
                  {!ghost && (
                    <button className="icon-button subtle" aria-label={`Delete ${v.key || 'variable ' + (i + 1)}`} onClick={() => remove(i)}>
                      <Icon name="trash" size={14} />
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
