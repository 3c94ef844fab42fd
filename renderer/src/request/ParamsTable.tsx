// Query params, kept in step with the URL both ways (shared/url.ts).
import { KeyValueTable } from '../common/KeyValueTable';
import type { RequestTab } from '../state/tabTypes';
import type { VariableContext } from '../state/variables';
import { setParams } from './requestDraft';

export function ParamsTable({ tab, ctx }: { tab: RequestTab; ctx: VariableContext }) {
  return (
    <section className="section-pad">
      <h3 className="section-title">Query params</h3>
      <KeyValueTable
        label="Query params"
        testId="params-table"
        rows={tab.draft.request.params}
        ctx={ctx}
        onChange={(rows) => setParams(tab.id, rows)}
      />
    </section>
  );
}
