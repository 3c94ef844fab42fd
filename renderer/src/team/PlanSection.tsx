// The team's plan and AI add-on: billing users change them, everyone else reads them.
import { useState } from 'react';
import { PLAN_IDS, PLANS, type PlanId } from '../../../shared/billing/plans';
import { rpc } from '../rpc';
import { useCredits } from '../state/credits';
import { attempt, notify } from '../state/toasts';
import { planLabel, planSummary } from './planLabels';

export function PlanSection({ canChange }: { canChange: boolean }) {
  const team = useCredits((s) => s.meter?.snapshot?.team);
  const [plan, setPlan] = useState<PlanId | undefined>(team?.plan);
  const [aiAddon, setAiAddon] = useState<boolean>(team?.aiAddon ?? false);
  const [busy, setBusy] = useState(false);
  if (!team) return null;
  const chosen = plan ?? team.plan;
  const addonSold = PLANS[chosen].aiAddonAvailable;
  const changed = chosen !== team.plan || (addonSold && aiAddon !== team.aiAddon);

  const save = async () => {
    setBusy(true);
    const next = await attempt(() => rpc['team.setPlan']({ plan: chosen, ...(addonSold ? { aiAddon } : {}) }), 'Could not change the plan');
    if (next) {
      notify(`The team is now on ${planLabel(next.plan, next.aiAddon)}.`, 'success');
      await useCredits.getState().syncNow();
    }
    setBusy(false);
  };

  return (
    <section className="plan-section" data-testid="plan-section">
      <h3 className="team-heading">Plan</h3>
      <p>
        <strong data-testid="plan-current">{planLabel(team.plan, team.aiAddon)}</strong> · {planSummary(team.plan, team.aiAddon)}
      </p>
      {canChange ? (
        <div className="plan-form">
          <select className="select small" aria-label="Plan" value={chosen} onChange={(e) => setPlan(e.target.value as PlanId)} data-testid="plan-select">
            {PLAN_IDS.map((id) => (
              <option key={id} value={id}>
                {PLANS[id].name}
              </option>
            ))}
          </select>
          <label className={`checkbox-field ${addonSold ? '' : 'muted'}`}>
            <input type="checkbox" checked={addonSold && aiAddon} disabled={!addonSold} onChange={(e) => setAiAddon(e.target.checked)} data-testid="plan-addon" /> AI
            add-on
          </label>
          <span className="muted">{planSummary(chosen, addonSold && aiAddon)}</span>
          <button className="button small primary" disabled={!changed || busy} onClick={() => void save()} data-testid="plan-save">
            Change plan
          </button>
        </div>
      ) : (
        <p className="muted">Only a billing user can change the plan.</p>
      )}
    </section>
  );
}
