// Members and roles (admins): invite (the server answers a first password to hand over), remove,
// and each member's roles (admin, billing, member; at least one).
import { useState, type FormEvent } from 'react';
import type { Member, Role } from '../../../shared/billing/api';
import { rpc } from '../rpc';
import { confirm } from '../state/dialogs';
import { useCredits } from '../state/credits';
import { attempt, errorMessage } from '../state/toasts';
import { RemoteError } from './RemoteStatus';
import { useRemote } from './useRemote';

const ROLES: Role[] = ['admin', 'billing', 'member'];

export function MembersSection() {
  const list = useRemote(() => rpc['team.members']({}), 'members');
  const me = useCredits((s) => s.meter?.snapshot?.user.id);
  const [invited, setInvited] = useState<{ email: string; password: string } | null>(null);

  const setRoles = async (m: Member, role: Role, on: boolean) => {
    const roles = on ? [...m.roles, role] : m.roles.filter((r) => r !== role);
    if (roles.length === 0) return;
    const updated = await attempt(() => rpc['team.setRoles']({ userId: m.id, roles }), 'Could not change roles');
    if (updated) await list.reload();
  };
  const remove = async (m: Member) => {
    if (!(await confirm('Remove member', `Remove ${m.email} from the team? Their usage this cycle stays on the books.`, 'Remove'))) return;
    const ok = await attempt(() => rpc['team.removeMember']({ userId: m.id }), 'Could not remove the member');
    if (ok) await list.reload();
  };

  return (
    <div className="team-section" data-testid="members">
      <h3 className="team-heading">Members and roles</h3>
      <RemoteError remote={list} />
      <table className="data-table">
        <thead>
          <tr>
            <th>Member</th>
            {ROLES.map((r) => (
              <th key={r}>{r}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {(list.data?.members ?? []).map((m) => (
            <tr key={m.id} data-testid={`member-${m.email}`}>
              <td>
                <strong>{m.name}</strong> <span className="muted">{m.email}</span>
              </td>
              {ROLES.map((r) => (
                <td key={r}>
                  <input
                    type="checkbox"
                    aria-label={`${r} role for ${m.email}`}
                    checked={m.roles.includes(r)}
                    disabled={m.roles.length === 1 && m.roles.includes(r)}
                    onChange={(e) => void setRoles(m, r, e.target.checked)}
                  />
                </td>
              ))}
              <td>
                {m.id !== me && (
                  <button className="link-button danger" onClick={() => void remove(m)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <InviteForm
        onInvited={(email, password) => {
          setInvited({ email, password });
          void list.reload();
        }}
      />
      {invited && (
        <p className="info-bar" data-testid="invite-result">
          {invited.email} was added. Their first password: <code>{invited.password}</code> — hand it over safely; it is not shown again.
        </p>
      )}
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: (email: string, password: string) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['member']);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const reply = await rpc['team.invite']({ email: email.trim(), name: name.trim() || email.split('@')[0], roles });
      onInvited(reply.user.email, reply.password);
      setEmail('');
      setName('');
      setRoles(['member']);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="team-form invite-form" onSubmit={(e) => void submit(e)}>
      <h4>Invite a member</h4>
      <input className="input" type="email" required placeholder="Email" aria-label="Email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <input className="input" placeholder="Name" aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      {ROLES.map((r) => (
        <label key={r} className="checkbox-field">
          <input
            type="checkbox"
            checked={roles.includes(r)}
            onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
          />{' '}
          {r}
        </label>
      ))}
      <button className="button primary" type="submit" disabled={busy || !email || roles.length === 0}>
        Invite
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
