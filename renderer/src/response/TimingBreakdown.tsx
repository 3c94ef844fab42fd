// Total time, with a breakdown (DNS, connect, TLS, first byte, download) on hover or click.
import { useState } from 'react';
import type { Timings } from '../../../shared/model';
import { formatMs } from '../util/format';

const PHASES: { key: keyof Omit<Timings, 'total'>; label: string }[] = [
  { key: 'dns', label: 'DNS lookup' },
  { key: 'connect', label: 'TCP connect' },
  { key: 'tls', label: 'TLS handshake' },
  { key: 'firstByte', label: 'Waiting (first byte)' },
  { key: 'download', label: 'Download' },
];

export function TimingBreakdown({ timings }: { timings: Timings }) {
  const [pinned, setPinned] = useState(false);
  const [hover, setHover] = useState(false);
  const total = Math.max(timings.total, 0.001);
  let offset = 0;
  return (
    <span className="meta-popover-anchor" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <button
        className="meta-item meta-button"
        data-testid="response-time"
        aria-label={`Time ${formatMs(timings.total)}, show breakdown`}
        aria-expanded={pinned || hover}
        onClick={() => setPinned(!pinned)}
      >
        {formatMs(timings.total)}
      </button>
      {(pinned || hover) && (
        <div className="meta-popover timing-popover" role="dialog" aria-label="Timing breakdown" data-testid="timing-breakdown">
          <h4>Response time</h4>
          {PHASES.map((p) => {
            const v = Math.max(0, timings[p.key]);
            const left = (offset / total) * 100;
            offset += v;
            return (
              <div key={p.key} className="timing-row">
                <span className="timing-label">{p.label}</span>
                <span className="timing-bar">
                  <span className={`timing-fill timing-${p.key}`} style={{ left: `${Math.min(left, 100)}%`, width: `${Math.max(v > 0 ? 1 : 0, (v / total) * 100)}%` }} />
                </span>
                <span className="timing-value">{formatMs(v)}</span>
              </div>
            );
          })}
          <div className="timing-row timing-total">
            <span className="timing-label">Total</span>
            <span />
            <span className="timing-value">{formatMs(timings.total)}</span>
          </div>
        </div>
      )}
    </span>
  );
}
