// Status (coloured by class), time with breakdown, size with breakdown.
import type { HttpResponse } from '../../../shared/model';
import { formatBytes } from '../util/format';
import { TimingBreakdown } from './TimingBreakdown';

export function statusClass(status: number): string {
  if (status >= 500) return 'status-5xx';
  if (status >= 400) return 'status-4xx';
  if (status >= 300) return 'status-3xx';
  if (status >= 200) return 'status-2xx';
  return 'status-1xx';
}

export function ResponseMeta({ response }: { response: HttpResponse }) {
  const total = response.size.headers + response.size.body;
  return (
    <div className="response-meta">
      <span className={`status-pill ${statusClass(response.status)}`} data-testid="response-status" aria-label={`Status ${response.status} ${response.statusText}`}>
        {response.status} {response.statusText}
      </span>
      <TimingBreakdown timings={response.timings} />
      <span
        className="meta-item"
        data-testid="response-size"
        title={`Headers ${formatBytes(response.size.headers)} · Body ${formatBytes(response.size.body)}`}
        aria-label={`Size ${formatBytes(total)}`}
      >
        {formatBytes(total)}
      </span>
      {response.redirects.length > 0 && (
        <span className="meta-item muted" title={response.redirects.map((r) => `${r.status} → ${r.url}`).join('\n')}>
          {response.redirects.length} redirect{response.redirects.length > 1 ? 's' : ''}
        </span>
      )}
      <span className="meta-item muted small-hide" title={response.url}>
        {response.httpVersion ? `HTTP/${response.httpVersion.replace(/^HTTP\//i, '')}` : ''}
      </span>
    </div>
  );
}
