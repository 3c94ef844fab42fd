// The editable table under params, headers, url-encoded and multipart fields, and variables: a
// checkbox per row enables it, × deletes it, and an empty "ghost" row comes last — editing it adds
// a row. Each table brings its own heading cells and the cells between the checkbox and the ×.
import type { ReactNode } from 'react';
import { Icon } from './Icon';

export interface EditableRow {
  key: string;
  enabled?: boolean;
}

export interface RowCells<T> {
  row: T;
  index: number;
  /** The empty last row (not yet a row; editing it adds one). */
  ghost: boolean;
  /** How the row is named in labels: its key, or `${noun} ${index + 1}` while it has none. */
  name: string;
  /** Patches this row; on the ghost row, adds a row (`empty` plus the patch). */
  edit: (patch: Partial<T>) => void;
}

interface Props<T extends EditableRow> {
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The ghost row, and what a row added through it starts from. */
  empty: T;
  /** The table's accessible name. */
  label: string;
  /** Class names besides "kv-table". */
  className?: string;
  testId?: string;
  /** What an unnamed row is called in its labels ("row", "field", "variable"). */
  noun: string;
  /** Heading cells between the "Enabled" and "Actions" columns. */
  headings: ReactNode;
  /** The row's cells between its checkbox and its delete button. */
  cells: (row: RowCells<T>) => ReactNode;
  /** Rows to leave out (a filter); the ghost row always shows. */
  hidden?: (row: T) => boolean;
  /** Called after a row is deleted. */
  onDeleted?: () => void;
}

export function EditableTable<T extends EditableRow>({ rows, onChange, empty, label, className, testId, noun, headings, cells, hidden, onDeleted }: Props<T>) {
  const all = [...rows, empty];

  const update = (index: number, patch: Partial<T>) => {
    if (index === rows.length) onChange([...rows, { ...empty, ...patch }]);
    else onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    onDeleted?.();
  };

  return (
    <table className={className ? `kv-table ${className}` : 'kv-table'} aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th className="kv-check" aria-label="Enabled" />
          {headings}
          <th className="kv-actions" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {all.map((row, i) => {
          const ghost = i === rows.length;
          if (!ghost && hidden?.(row)) return null;
          const name = row.key || `${noun} ${i + 1}`;
          return (
            <tr key={i} className={`${ghost ? 'kv-ghost' : ''} ${row.enabled === false ? 'kv-disabled' : ''}`}>
              <td className="kv-check">
                {!ghost && (
                  <input
                    type="checkbox"
                    checked={row.enabled !== false}
                    aria-label={`Enable ${name}`}
                    onChange={(e) => update(i, { enabled: e.target.checked } as Partial<T>)}
                  />
                )}
              </td>
              {cells({ row, index: i, ghost, name, edit: (patch) => update(i, patch) })}
              <td className="kv-actions">
                {!ghost && (
                  <button className="icon-button subtle" aria-label={`Delete ${name}`} onClick={() => remove(i)}>
                    <Icon name="trash" size={14} />
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
