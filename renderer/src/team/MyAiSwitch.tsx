// The user's own AI switch (team.setMyAi) on plans other than Enterprise. A small component so
// Settings → AI can render it too; on Enterprise it renders nothing (the team switch rules).
import { useState } from 'react';
import { rpc } from '../rpc';
import { useCredits } from '../state/credits';
import { attempt } from '../state/toasts';
import { Switch } from './Switch';

export function MyAiSwitch() {
  const snapshot = useCredits((s) => s.meter?.snapshot);
  const [busy, setBusy] = useState(false);
  if (!snapshot || snapshot.team.plan === 'enterprise') return null;
  const on = snapshot.ai.enabled;
  const set = async (enabled: boolean) => {
    setBusy(true);
    const meter = await attempt(() => rpc['team.setMyAi']({ enabled }), 'Could not change the AI switch');
    if (meter) useCredits.getState().setMeter(meter);
    setBusy(false);
  };
  return (
    <div className="switch-row" data-testid="my-ai">
      <Switch checked={on} label="AI features for me" disabled={busy} onChange={(v) => void set(v)} testId="my-ai-switch" />
      <div>
        <strong>AI features for me</strong>
        <p className="muted">{on ? 'Agent Mode may use your team credits.' : (snapshot.ai.message ?? 'Agent Mode is off for you.')}</p>
      </div>
    </div>
  );
}
