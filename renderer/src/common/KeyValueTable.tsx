// An editable key/value table (params, headers, url-encoded bodies, variables' cousins): a
// checkbox per row to enable it, typing in the empty last row adds a row, × deletes one, and a
// bulk-edit mode edits everything as "key: value" lines ("//" in front disables a line).
import { useState } from 'react';
import type { KeyValue } from '../../../shared/model';
import type { VariableContext } from '../state/variables';
import { Icon } from './Icon';
import { VariableInput } from './VariableInput';

interface Props {
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  ctx: VariableContext;
  label: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  keySuggestions?: string;
  testId?: string;
}

const EMPTY: KeyValue = { key: '', value: '', enabled: true };

export function KeyValueTable({ rows, onChange, ctx, label, keyPlaceholder = 'Key', valuePlaceholder = 'Value', keySuggestions, testId }: Props) {
  const [bulk, setBulk] = useState(false);
  const [bulkText, setBulkText] = useState('');
  const all = [...rows, EMPTY];

  const update = (index: number, patch: Partial<KeyValue>) => {
    if (index === rows.length) onChange([...rows, { ...EMPTY, ...patch }]);
    else onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));

  return (
    <div className="kv" data-testid={testId}>
      <div className="kv-toolbar">
        <span className="kv-count">{rows.length ? `${rows.filter((r) => r.enabled !== false).length} of ${rows.length} enabled` : ''}</span>
        <button
          className="link-button"
          aria-pressed={bulk}
          onClick={() => {
            if (!bulk) setBulkText(toBulk(rows));
            setBulk(!bulk);
          }}
        >
          {bulk ? 'Key-value edit' : 'Bulk edit'}
        </button>
      </div>
      {bulk ? (
        <textarea
          className="kv-bulk"
          aria-label={`${label} (bulk edit)`}
          spellCheck={false}
          value={bulkText}
          placeholder={'key: value\n// disabled: value'}
          onChange={(e) => {
            setBulkText(e.target.value);
            onChange(fromBulk(e.target.value));
          }}
        />
      ) : (
        <table className="kv-table" aria-label={label}>
          <thead>
            <tr>
              <th className="kv-check" aria-label="Enabled" />
              <th>{keyPlaceholder}</th>
              <th>{valuePlaceholder}</th>
              <th className="kv-actions" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {all.map((row, i) => {
              const ghost = i === rows.length;
              return (
                <tr key={i} className={`${ghost ? 'kv-ghost' : ''} ${row.enabled === false ? 'kv-disabled' : ''}`}>
                  <td className="kv-check">
                    {!ghost && (
                      <input
                        type="checkbox"
                        checked={row.enabled !== false}
                        aria-label={`Enable ${row.key || 'row ' + (i + 1)}`}
                        onChange={(e) => update(i, { enabled: e.target.checked })}
                      />
                    )}
                  </td>
                  <td>
                    <VariableInput
                      className="kv-input"
                      value={row.key}
                      ctx={ctx}
                      placeholder={ghost ? `Add ${keyPlaceholder.toLowerCase()}` : keyPlaceholder}
                      aria-label={`${keyPlaceholder} ${i + 1}`}
                      list={keySuggestions}
                      onValueChange={(key) => update(i, { key })}
                    />
                  </td>
                  <td>
                    <VariableInput
                      className="kv-input"
                      value={row.value}
                      ctx={ctx}
                      placeholder={ghost ? '' : valuePlaceholder}
                      aria-label={`${valuePlaceholder} ${i + 1}`}
                      onValueChange={(value) => update(i, { value })}
                    />
                  </td>
                  <td className="kv-actions">
                    {!ghost && (
                      <button className="icon-button subtle" aria-label={`Delete ${row.key || 'row ' + (i + 1)}`} onClick={() => remove(i)}>
                        <Icon name="trash" size={14} />
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function toBulk(rows: KeyValue[]): string {
  return rows.map((r) => `${r.enabled === false ? '//' : ''}${r.key}: ${r.value}`).join('\n');
}

function fromBulk(text: string): KeyValue[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const disabled = line.trimStart().startsWith('//');
      const body = disabled ? line.trimStart().slice(2) : line;
      const colon = body.indexOf(':');
      const key = (colon < 0 ? body : body.slice(0, colon)).trim();
      const value = colon < 0 ? '' : body.slice(colon + 1).trimStart();
      return { key, value, enabled: !disabled };
    });
}
