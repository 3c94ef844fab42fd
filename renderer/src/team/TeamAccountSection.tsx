// Team: which billing server and user this workspace uses, sign in to a shared team server (URL,
// email, password) and sign out (back to the built-in personal team; local data is kept), and
// the AI switches: the user's own (not on Enterprise) and the team's (Enterprise, admins).
import { useState, type FormEvent } from 'react';
import { rpc } from '../rpc';
import { useCredits } from '../state/credits';
import { errorMessage, notify } from '../state/toasts';
import { MyAiSwitch } from './MyAiSwitch';
import { planLabel } from './planLabels';
import { TeamAiSwitch } from './TeamAiSwitch';

export function TeamAccountSection() {
  const meter = useCredits((s) => s.meter);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const server = meter?.server;
  const s = meter?.snapshot;

  const signIn = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await rpc['team.signIn']({ url: url.trim(), email: email.trim(), password });
      useCredits.getState().setMeter(next);
      setPassword('');
      notify(`Signed in to ${next.server.url ?? url} as ${next.server.email ?? email}`, 'success');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    setBusy(true);
    setError(undefined);
    try {
      useCredits.getState().setMeter(await rpc['team.signOut']({}));
      notify('Signed out of the team server. Your local data is kept.', 'success');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="team-section" data-testid="team-account">
      <section>
        <h3 className="team-heading">Billing server</h3>
        {server && !server.embedded ? (
          <p data-testid="team-server">
            Signed in to <code>{server.url}</code> as <strong>{server.email}</strong>
            {s ? ` · ${s.team.name} (${planLabel(s.team.plan, s.team.aiAddon)}) · ${s.roles.join(', ')}` : ''}
          </p>
        ) : (
          <p data-testid="team-server">
            Using the built-in personal team on this computer
            {s ? ` (${planLabel(s.team.plan, s.team.aiAddon)}, you as admin and billing)` : ''}. Sign in to a shared team
            server to use your team's credits.
          </p>
        )}
        {server && !server.embedded && (
          <button className="button" disabled={busy} onClick={() => void signOut()} data-testid="team-sign-out">
            Sign out
          </button>
        )}
      </section>
      <section>
        <h3 className="team-heading">{server && !server.embedded ? 'Sign in as someone else' : 'Sign in to a team server'}</h3>
        <form className="team-form" onSubmit={(e) => void signIn(e)}>
          <label>
            Server URL
            <input className="input" type="url" required placeholder="https://billing.example.com" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="team-url" />
          </label>
          <label>
            Email
            <input className="input" type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="team-email" />
          </label>
          <label>
            Password
            <input
              className="input"
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="team-password"
            />
          </label>
          <button className="button primary" type="submit" disabled={busy || !url || !email || !password} data-testid="team-sign-in">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {error && (
          <p className="error-text" role="alert" data-testid="team-error">
            {error}
          </p>
        )}
      </section>
      {s && (
        <section>
          <h3 className="team-heading">AI</h3>
          {s.team.plan === 'enterprise' ? <TeamAiSwitch /> : <MyAiSwitch />}
        </section>
      )}
    </div>
  );
}
