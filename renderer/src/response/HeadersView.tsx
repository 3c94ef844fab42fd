// Response headers as a table, and what was actually sent (after variables and auth).
import type { HttpResponse, SentRequest } from '../../../shared/model';

function HeaderTable({ headers, label, testId }: { headers: [string, string][]; label: string; testId?: string }) {
  if (headers.length === 0) return <p className="empty-note">No headers.</p>;
  return (
    <table className="data-table" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th>Name</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([k, v], i) => (
          <tr key={i}>
            <td className="mono strong">{k}</td>
            <td className="mono wrap">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HeadersView({ response, sent }: { response: HttpResponse; sent?: SentRequest }) {
  return (
    <div className="section-pad scroll">
      <HeaderTable headers={response.headers} label="Response headers" testId="response-headers" />
      {sent && (
        <details className="sent-request">
          <summary>
            Request sent: <span className="mono">{sent.method}</span> <span className="mono">{sent.url}</span>
          </summary>
          <HeaderTable headers={sent.headers} label="Request headers sent" />
        </details>
      )}
    </div>
  );
}
