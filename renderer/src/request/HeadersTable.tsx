// Request headers with a checkbox per row; common header names are suggested.
import { KeyValueTable } from '../common/KeyValueTable';
import type { RequestTab } from '../state/tabTypes';
import type { VariableContext } from '../state/variables';
import { editRequest } from './requestDraft';

const COMMON = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Connection',
  'Content-Type',
  'Cookie',
  'If-Match',
  'If-None-Match',
  'If-Modified-Since',
  'Origin',
  'Referer',
  'User-Agent',
  'X-API-Key',
  'X-Request-ID',
  'X-Forwarded-For',
];

export function HeadersTable({ tab, ctx }: { tab: RequestTab; ctx: VariableContext }) {
  return (
    <section className="section-pad">
      <h3 className="section-title">Headers</h3>
      <datalist id="common-headers">
        {COMMON.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
      <KeyValueTable
        label="Request headers"
        testId="headers-table"
        keyPlaceholder="Header"
        rows={tab.draft.request.headers}
        ctx={ctx}
        keySuggestions="common-headers"
        onChange={(headers) => editRequest(tab.id, (r) => ({ ...r, headers }))}
      />
    </section>
  );
}
