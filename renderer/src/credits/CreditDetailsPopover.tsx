// The meter's details: the snapshot (plan, credits, PAYG, queue), the cycle, "Sync now", and for
// billing users and admins a way to AI Credit Details. Escape or a click outside closes it.
import { useEffect, useRef, type RefObject } from 'react';
import type { CreditMeter } from '../../../shared/contract-credits';
import { planLabel } from '../team/planLabels';
import { useCredits } from '../state/credits';
import { formatCreditsShort, formatCycle } from './format';
import { canSeeCreditDetails, offlineAllowanceLeft } from './meterView';

interface Props {
  meter: CreditMeter;
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
}

export function CreditDetailsPopover({ meter, anchor, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const syncing = useCredits((s) => s.syncing);
  const s = meter.snapshot;
  const allowanceLeft = offlineAllowanceLeft(meter);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!box.current?.contains(t) && !anchor.current?.contains(t)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [anchor, onClose]);

  const openTeam = (section: 'team' | 'usage') => {
    onClose();
    useCredits.getState().openTeam(section);
  };

  return (
    <div className="credit-popover" role="dialog" aria-label="AI credits" ref={box} data-testid="credit-popover">
      {s ? (
        <dl className="credit-facts">
          <dt>Team</dt>
          <dd>
            {s.team.name} · {planLabel(s.team.plan, s.team.aiAddon)}
          </dd>
          <dt>Signed in as</dt>
          <dd>{s.user.email}</dd>
          <dt>Credits left</dt>
          <dd data-testid="credit-popover-remaining">
            {formatCreditsShort(meter.remainingMicro)} of {formatCreditsShort(s.allotmentMicro)}
          </dd>
          <dt>Used this cycle</dt>
          <dd>{formatCreditsShort(s.includedUsedMicro + s.paygMicro + s.unfundedMicro, 'up')}</dd>
          <dt>Pay-as-you-go</dt>
          <dd>{s.paygEnabled ? `on · ${formatCreditsShort(s.paygMicro, 'up')} credits this cycle` : 'off'}</dd>
          {s.unfundedMicro > 0 && (
            <>
              <dt>Over the allotment</dt>
              <dd>{formatCreditsShort(s.unfundedMicro, 'up')} credits (not billed)</dd>
            </>
          )}
          <dt>Queued</dt>
          <dd data-testid="credit-popover-queued">
            {meter.queuedEvents} {meter.queuedEvents === 1 ? 'action' : 'actions'}
            {meter.queuedEvents > 0 ? ` · ${formatCreditsShort(meter.queuedMicro, 'up')} credits` : ''}
          </dd>
          {allowanceLeft !== null && s && (
            <>
              <dt>Before the next sync</dt>
              <dd data-testid="credit-popover-allowance">
                {formatCreditsShort(allowanceLeft)} of {formatCreditsShort(s.offlineAllowanceMicro)} pay-as-you-go credits
              </dd>
            </>
          )}
          <dt>Cycle</dt>
          <dd data-testid="credit-popover-cycle">{formatCycle(s.cycle)}</dd>
          <dt>AI</dt>
          <dd>{s.ai.enabled ? 'on' : (s.ai.message ?? 'off')}</dd>
        </dl>
      ) : (
        <p className="muted">Courier has not reached the billing server yet.</p>
      )}
      {!meter.decision.allowed && meter.decision.message && (
        <p className="credit-refusal" data-testid="credit-popover-refusal">
          {meter.decision.message}
        </p>
      )}
      <p className="credit-status">
        <span className={`credit-sync-dot state-${meter.state}`} aria-hidden="true" /> {statusText(meter)}
      </p>
      {meter.lastError && meter.state !== 'synced' && <p className="error-text credit-error">{meter.lastError}</p>}
      {meter.rejected.length > 0 && (
        <p className="error-text">
          {meter.rejected.length} {meter.rejected.length === 1 ? 'action was' : 'actions were'} refused by the server: {meter.rejected[0].message}
        </p>
      )}
      <div className="credit-popover-actions">
        <button className="button small" disabled={syncing} onClick={() => void useCredits.getState().syncNow()} data-testid="credit-sync-now">
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <button className="button small plain" onClick={() => openTeam('team')}>
          Team Settings
        </button>
        {canSeeCreditDetails(meter) && (
          <button className="button small primary" onClick={() => openTeam('usage')} data-testid="open-credit-details">
            AI Credit Details
          </button>
        )}
      </div>
    </div>
  );
}

function statusText(meter: CreditMeter): string {
  const where = meter.server.embedded ? 'the built-in personal billing server' : (meter.server.url ?? 'the team server');
  const synced = meter.lastSyncedAt ? `, last at ${new Date(meter.lastSyncedAt).toLocaleTimeString()}` : '';
  if (meter.state === 'synced') return `Synced with ${where}${synced}`;
  if (meter.state === 'syncing') return `Syncing with ${where}…`;
  if (meter.state === 'offline') return `Offline: ${where} cannot be reached; usage is queued${synced}`;
  return `Sync error with ${where}`;
}
