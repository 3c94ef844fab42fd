// Multipart form-data: each row is text or a file (the rows of an EditableTable).
import type { FormField } from '../../../../shared/model';
import { EditableTable } from '../../common/EditableTable';
import { VariableInput } from '../../common/VariableInput';
import type { VariableContext } from '../../state/variables';
import { editRequest } from '../requestDraft';
import { FilePicker } from './FilePicker';

const EMPTY: FormField = { key: '', value: '', enabled: true, type: 'text' };

export function FormDataBody({ tabId, rows, ctx }: { tabId: string; rows: FormField[]; ctx: VariableContext }) {
  const set = (formdata: FormField[]) => editRequest(tabId, (r) => ({ ...r, body: { mode: 'formdata', formdata } }));

  return (
    <div className="section-pad">
      <EditableTable
        rows={rows}
        onChange={set}
        empty={EMPTY}
        label="Multipart form fields"
        testId="formdata-table"
        noun="field"
        headings={
          <>
            <th>Key</th>
            <th className="fd-type">Type</th>
            <th>Value</th>
          </>
        }
        cells={({ row, index: i, ghost, name, edit }) => (
          <>
            <td>
              <VariableInput
                className="kv-input"
                value={row.key}
                ctx={ctx}
                placeholder={ghost ? 'Add key' : 'Key'}
                aria-label={`Field name ${i + 1}`}
                onValueChange={(key) => edit({ key })}
              />
            </td>
            <td className="fd-type">
              <select
                className="select small"
                aria-label={`Field type ${i + 1}`}
                value={row.type}
                onChange={(e) => edit({ type: e.target.value as FormField['type'] })}
              >
                <option value="text">Text</option>
                <option value="file">File</option>
              </select>
            </td>
            <td>
              {row.type === 'file' ? (
                <FilePicker
                  label={`File for ${name}`}
                  fileName={row.fileName}
                  onPicked={(f) => edit({ filePath: f.path, fileName: f.name, contentType: f.contentType, value: '' })}
                />
              ) : (
                <VariableInput
                  className="kv-input"
                  value={row.value}
                  ctx={ctx}
                  placeholder={ghost ? '' : 'Value'}
                  aria-label={`Field value ${i + 1}`}
                  onValueChange={(value) => edit({ value })}
                />
              )}
            </td>
          </>
        )}
      />
    </div>
  );
}
