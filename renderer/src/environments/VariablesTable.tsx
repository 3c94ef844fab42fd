// Variables of an environment, the globals or a collection: key, value, enabled, secret, as the
// rows of an EditableTable. Secret values show as •••• until revealed (per row, or all at once).
import { useState } from 'react';
import type { Variable } from '../../../shared/model';
import { EditableTable } from '../common/EditableTable';
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
      <EditableTable
        rows={variables}
        onChange={onChange}
        empty={EMPTY}
        label={label}
        className="vars-table"
        noun="variable"
        hidden={needle ? (v) => !v.key.toLowerCase().includes(needle) : undefined}
        onDeleted={() => setRevealed(new Set())}
        headings={
          <>
            <th>Variable</th>
            <th>Value</th>
            <th className="vars-secret">Secret</th>
          </>
        }
        cells={({ row: v, index: i, ghost, name, edit }) => {
          const masked = v.secret && !revealed.has(i);
          return (
            <>
              <td>
                <input
                  className="cell-input mono"
                  value={v.key}
                  spellCheck={false}
                  placeholder={ghost ? 'Add variable' : 'Name'}
                  aria-label={`Variable name ${i + 1}`}
                  onChange={(e) => edit({ key: e.target.value })}
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
                    aria-label={`Value of ${name}`}
                    onChange={(e) => edit({ value: e.target.value })}
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
                    aria-label={`Secret ${name}`}
                    onChange={(e) => edit({ secret: e.target.checked })}
                  />
                )}
              </td>
            </>
          );
        }}
      />
    </div>
  );
}
