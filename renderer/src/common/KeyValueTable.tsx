// An editable key/value table (params, headers, url-encoded bodies): the rows of an EditableTable
// (checkbox, key, value, ×, an empty last row that adds one) and a bulk-edit mode that edits
// everything as "key: value" lines ("//" in front disables a line).
import { useState } from 'react';
import type { KeyValue } from '../../../shared/model';
import type { VariableContext } from '../state/variables';
import { EditableTable } from './EditableTable';
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
        <EditableTable
          rows={rows}
          onChange={onChange}
          empty={EMPTY}
          label={label}
          noun="row"
          headings={
            <>
              <th>{keyPlaceholder}</th>
              <th>{valuePlaceholder}</th>
            </>
          }
          cells={({ row, index, ghost, edit }) => (
            <>
              <td>
                <VariableInput
                  className="kv-input"
                  value={row.key}
                  ctx={ctx}
                  placeholder={ghost ? `Add ${keyPlaceholder.toLowerCase()}` : keyPlaceholder}
                  aria-label={`${keyPlaceholder} ${index + 1}`}
                  list={keySuggestions}
                  onValueChange={(key) => edit({ key })}
                />
              </td>
              <td>
                <VariableInput
                  className="kv-input"
                  value={row.value}
                  ctx={ctx}
                  placeholder={ghost ? '' : valuePlaceholder}
                  aria-label={`${valuePlaceholder} ${index + 1}`}
                  onValueChange={(value) => edit({ value })}
                />
              </td>
            </>
          )}
        />
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
