import type { KeyValue } from '../../../../shared/model';
import { KeyValueTable } from '../../common/KeyValueTable';
import type { VariableContext } from '../../state/variables';
import { editRequest } from '../requestDraft';

export function UrlEncodedBody({ tabId, rows, ctx }: { tabId: string; rows: KeyValue[]; ctx: VariableContext }) {
  return (
    <div className="section-pad">
      <KeyValueTable
        label="URL-encoded form fields"
        testId="urlencoded-table"
        rows={rows}
        ctx={ctx}
        onChange={(urlencoded) => editRequest(tabId, (r) => ({ ...r, body: { mode: 'urlencoded', urlencoded } }))}
      />
    </div>
  );
}
