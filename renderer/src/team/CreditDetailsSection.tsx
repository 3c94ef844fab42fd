// Resource Usage → AI Credit Details (billing users and admins): a cycle picker, the cycle's
// totals with the accrued PAYG cost, the daily usage chart, each member's credits with a PAYG
// switch (billing users change it; admins see it read-only), and the plan with the AI add-on.
import { useState } from 'react';
import type { AiCreditDetails } from '../../../shared/billing/api';
import { formatCreditsShort, formatCycle, formatExactMoney, formatMoney } from '../credits/format';
import { rpc } from '../rpc';
import { useCredits } from '../state/credits';
import { attempt } from '../state/toasts';
import { PlanSection } from './PlanSection';
import { Switch } from './Switch';
import { UsageChart } from './UsageChart';
import { RefreshButton, RemoteError } from './RemoteStatus';
import { useRemote } from './useRemote';

interface Props {
  canSetPayg: boolean;
  canSetPlan: boolean;
}

export function CreditDetailsSection({ canSetPayg, canSetPlan }: Props) {
  const [cycle, setCycle] = useState('current');
  const details = useRemote(() => rpc['team.creditDetails']({ cycle }), cycle);
  const d = details.data;

  return (
    <div className="team-section" data-testid="credit-details">
      <div className="team-toolbar">
        <h3 className="team-heading">AI Credit Details</h3>
        <label className="inline-field">
          Cycle
          <select className="select small" value={cycle} onChange={(e) => setCycle(e.target.value)} data-testid="credit-cycle">
            <option value="current">Current cycle</option>
            <option value="previous">Previous cycle</option>
          </select>
        </label>
        <RefreshButton remote={details} />
      </div>
      <RemoteError remote={details} />
      {!d && !details.error && <p className="muted">Loading…</p>}
      {d && (
        <>
          <p className="muted" data-testid="credit-details-cycle">
            {formatCycle(d.cycle)}
          </p>
          <Totals details={d} />
          <UsageChart daily={d.daily} />
          <MembersUsage details={d} canSetPayg={canSetPayg} onChanged={() => void details.reload()} />
        </>
      )}
      <PlanSection canChange={canSetPlan} />
    </div>
  );
}

function Totals({ details }: { details: AiCreditDetails }) {
  const t = details.totals;
  const items: [string, string, string][] = [
    ['Credits used', formatCreditsShort(t.creditsUsedMicro, 'up'), 'total-used'],
    ['Included used', formatCreditsShort(t.includedUsedMicro, 'up'), 'total-included'],
    ['PAYG credits', formatCreditsShort(t.paygMicro, 'up'), 'total-payg'],
    ['Accrued PAYG cost', formatMoney(t.accruedPaygCostMinor, t.currency), 'total-cost'],
    ['Unfunded (not billed)', formatCreditsShort(t.unfundedMicro, 'up'), 'total-unfunded'],
  ];
  return (
    <dl className="credit-totals">
      {items.map(([label, value, id]) => (
        <div key={id} className="credit-total">
          <dt>{label}</dt>
          <dd data-testid={id} title={id === 'total-cost' ? `exactly ${formatExactMoney(t.accruedPaygCostExactMinor, t.currency)}` : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MembersUsage({ details, canSetPayg, onChanged }: { details: AiCreditDetails; canSetPayg: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const setPayg = async (userId: string, enabled: boolean) => {
    setBusy(userId);
    const member = await attempt(() => rpc['team.setPayg']({ userId, enabled }), 'Could not change pay-as-you-go');
    setBusy(null);
    if (!member) return;
    onChanged();
    // my own snapshot may have changed (a billing user switching PAYG for themself)
    if (member.id === useCredits.getState().meter?.snapshot?.user.id) void useCredits.getState().syncNow();
  };
  return (
    <table className="data-table credit-members" data-testid="credit-members">
      <thead>
        <tr>
          <th>Member</th>
          <th className="num">Used</th>
          <th className="num">Included used / allotment</th>
          <th className="num">PAYG credits</th>
          <th className="num">Unfunded</th>
          <th>Pay-as-you-go</th>
        </tr>
      </thead>
      <tbody>
        {details.members.map((m) => (
          <tr key={m.userId} data-testid={`credit-member-${m.email}`} className={m.removed ? 'removed' : ''}>
            <td>
              <strong>{m.name}</strong> <span className="muted">{m.email}</span>
              {m.removed && <span className="credit-badge">removed</span>}
            </td>
            <td className="num" data-testid="member-used">
              {formatCreditsShort(m.creditsUsedMicro, 'up')}
            </td>
            <td className="num">
              {formatCreditsShort(m.includedUsedMicro, 'up')} / {formatCreditsShort(m.allotmentMicro)}
            </td>
            <td className="num" data-testid="member-payg-credits">
              {formatCreditsShort(m.paygMicro, 'up')}
            </td>
            <td className="num">{formatCreditsShort(m.unfundedMicro, 'up')}</td>
            <td>
              <Switch
                checked={m.paygEnabled}
                label={`Pay-as-you-go for ${m.email}`}
                disabled={busy === m.userId || m.removed}
                onChange={canSetPayg ? (v) => void setPayg(m.userId, v) : undefined}
                readOnlyReason="Only a billing user can change pay-as-you-go."
                testId="member-payg"
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
