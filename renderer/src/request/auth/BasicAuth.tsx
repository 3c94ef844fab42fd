import type { Auth } from '../../../../shared/model';
import { VariableInput } from '../../common/VariableInput';
import type { VariableContext } from '../../state/variables';
import { Field, SecretInput } from './SecretInput';

type Basic = Extract<Auth, { type: 'basic' }>;

export function BasicAuth({ auth, onChange, ctx }: { auth: Basic; onChange: (a: Auth) => void; ctx: VariableContext }) {
  return (
    <div className="auth-fields">
      <Field label="Username">
        <VariableInput className="field-input" value={auth.username} ctx={ctx} aria-label="Username" onValueChange={(username) => onChange({ ...auth, username })} />
      </Field>
      <Field label="Password">
        <SecretInput value={auth.password} ctx={ctx} label="Password" onChange={(password) => onChange({ ...auth, password })} />
      </Field>
    </div>
  );
}
