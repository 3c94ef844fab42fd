// The credit meter in the top bar: credits left of the allotment with a bar, a PAYG badge, the
// queued count and the sync state (the error on hover). A click opens the details popover.
import { useRef, useState } from 'react';
import '../styles/credits.css';
import { useCredits } from '../state/credits';
import { CreditDetailsPopover } from './CreditDetailsPopover';
import { meterView } from './meterView';

export function CreditMeter() {
  const meter = useCredits((s) => s.meter);
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);

  const view = meter ? meterView(meter) : null;
  if (!meter) return null;
  return (
    <div className="credit-meter-anchor" ref={anchor}>
      <button
        className={`credit-meter tone-${view?.tone ?? 'ok'} state-${meter.state}`}
        data-testid="credit-meter"
        data-state={meter.state}
        data-remaining-micro={meter.remainingMicro}
        data-queued={meter.queuedEvents}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={view ? `AI credits: ${view.title}` : `AI credits: ${meter.lastError ?? 'not known yet'}`}
        title={view?.title ?? meter.lastError ?? 'Courier has not reached the billing server yet.'}
        onClick={() => setOpen((o) => !o)}
      >
        {view ? (
          <>
            <span className="credit-meter-figures">
              <strong data-testid="credit-meter-remaining">{view.remaining}</strong>
              <span className="muted"> / {view.allotment}</span>
            </span>
            <span className="credit-meter-bar" aria-hidden="true">
              <span className="credit-meter-fill" style={{ width: `${view.percentLeft}%` }} />
            </span>
            {view.payg && (
              <span className="credit-badge payg" data-testid="credit-meter-payg" title="Pay-as-you-go is on">
                PAYG
              </span>
            )}
          </>
        ) : (
          <span className="muted">Credits …</span>
        )}
        <span className={`credit-sync-dot state-${meter.state}`} aria-hidden="true" />
        <span className="credit-meter-state" data-testid="credit-meter-state">
          {view?.stateLabel ?? stateOnly(meter.state)}
        </span>
      </button>
      {open && <CreditDetailsPopover meter={meter} anchor={anchor} onClose={() => setOpen(false)} />}
    </div>
  );
}

function stateOnly(state: string): string {
  return state === 'error' ? 'Sync error' : state === 'offline' ? 'Offline' : '';
}
