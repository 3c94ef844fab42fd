// The user's own AI switch on the team server (team.setMyAi), for plans other than Enterprise:
// off, the server refuses this user's AI actions on every device. Rendered in Settings → AI (where
// the refusal message points) and in Team Settings → Team. On Enterprise it renders nothing: the
// team-level switch rules there (TeamAiSwitch).
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
      <Switch checked={on} label="AI on my team account" disabled={busy} onChange={(v) => void set(v)} testId="my-ai-switch" />
      <div>
        <strong>AI on my team account</strong>
        <p className="muted">
          {on
            ? `Agent Mode may spend your credits of ${snapshot.team.name}. Off, the team server refuses your AI actions on every device.`
            : (snapshot.ai.message ?? 'AI is off on your team account.')}
        </p>
      </div>
    </div>
  );
}
