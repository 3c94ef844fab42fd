// The team-level AI switch (Enterprise): admins change it, everyone else sees it.
import { useState } from 'react';
import { rpc } from '../rpc';
import { useCredits } from '../state/credits';
import { attempt } from '../state/toasts';
import { Switch } from './Switch';

export function TeamAiSwitch() {
  const snapshot = useCredits((s) => s.meter?.snapshot);
  const [busy, setBusy] = useState(false);
  if (!snapshot) return null;
  const isAdmin = snapshot.roles.includes('admin');
  const on = !(snapshot.ai.reason === 'team_ai_off');
  const set = async (enabled: boolean) => {
    setBusy(true);
    const team = await attempt(() => rpc['team.setTeamAi']({ enabled }), 'Could not change the team AI switch');
    if (team) await useCredits.getState().syncNow();
    setBusy(false);
  };
  return (
    <div className="switch-row" data-testid="team-ai">
      <Switch
        checked={on}
        label="AI for the whole team"
        disabled={busy}
        onChange={isAdmin ? (v) => void set(v) : undefined}
        readOnlyReason="Only a team admin can change this."
        testId="team-ai-switch"
      />
      <div>
        <strong>AI for the whole team</strong>
        <p className="muted">{on ? 'Every member may use Agent Mode.' : 'Agent Mode is off for everyone in the team.'}{isAdmin ? '' : ' Only a team admin can change this.'}</p>
      </div>
    </div>
  );
}
