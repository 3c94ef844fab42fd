// Multipart form-data: each row is text or a file.
import type { FormField } from '../../../../shared/model';
import { Icon } from '../../common/Icon';
import { VariableInput } from '../../common/VariableInput';
import type { VariableContext } from '../../state/variables';
import { editRequest } from '../requestDraft';
import { FilePicker } from './FilePicker';

const EMPTY: FormField = { key: '', value: '', enabled: true, type: 'text' };

export function FormDataBody({ tabId, rows, ctx }: { tabId: string; rows: FormField[]; ctx: VariableContext }) {
  const set = (formdata: FormField[]) => editRequest(tabId, (r) => ({ ...r, body: { mode: 'formdata', formdata } }));
  const update = (i: number, patch: Partial<FormField>) =>
    i === rows.length ? set([...rows, { ...EMPTY, ...patch }]) : set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const all = [...rows, EMPTY];

  return (
    <div className="section-pad">
      <table className="kv-table" aria-label="Multipart form fields" data-testid="formdata-table">
        <thead>
          <tr>
            <th className="kv-check" aria-label="Enabled" />
            <th>Key</th>
            <th className="fd-type">Type</th>
            <th>Value</th>
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
                      aria-label={`Enable ${row.key || 'field ' + (i + 1)}`}
                      onChange={(e) => update(i, { enabled: e.target.checked })}
                    />
                  )}
                </td>
                <td>
                  <VariableInput
                    className="kv-input"
                    value={row.key}
                    ctx={ctx}
                    placeholder={ghost ? 'Add key' : 'Key'}
                    aria-label={`Field name ${i + 1}`}
                    onValueChange={(key) => update(i, { key })}
                  />
                </td>
                <td className="fd-type">
                  <select
                    className="select small"
                    aria-label={`Field type ${i + 1}`}
                    value={row.type}
                    onChange={(e) => update(i, { type: e.target.value as FormField['type'] })}
                  >
                    <option value="text">Text</option>
                    <option value="file">File</option>
                  </select>
                </td>
                <td>
                  {row.type === 'file' ? (
                    <FilePicker
                      label={`File for ${row.key || 'field ' + (i + 1)}`}
                      fileName={row.fileName}
                      onPicked={(f) => update(i, { filePath: f.path, fileName: f.name, contentType: f.contentType, value: '' })}
                    />
                  ) : (
                    <VariableInput
                      className="kv-input"
                      value={row.value}
                      ctx={ctx}
                      placeholder={ghost ? '' : 'Value'}
                      aria-label={`Field value ${i + 1}`}
                      onValueChange={(value) => update(i, { value })}
                    />
                  )}
                </td>
                <td className="kv-actions">
                  {!ghost && (
                    <button className="icon-button subtle" aria-label={`Delete ${row.key || 'field ' + (i + 1)}`} onClick={() => set(rows.filter((_, j) => j !== i))}>
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
