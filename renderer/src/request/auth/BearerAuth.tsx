import type { Auth } from '../../../../shared/model';
import type { VariableContext } from '../../state/variables';
import { Field, SecretInput } from './SecretInput';

type Bearer = Extract<Auth, { type: 'bearer' }>;

export function BearerAuth({ auth, onChange, ctx }: { auth: Bearer; onChange: (a: Auth) => void; ctx: VariableContext }) {
  return (
    <div className="auth-fields">
      <Field label="Token" hint="Sent as “Authorization: Bearer <token>”.">
        <SecretInput value={auth.token} ctx={ctx} label="Token" placeholder="Token or {{variable}}" onChange={(token) => onChange({ ...auth, token })} />
      </Field>
    </div>
  );
}
