import type { Auth } from '../../../../shared/model';
import { VariableInput } from '../../common/VariableInput';
import type { VariableContext } from '../../state/variables';
import { Field, SecretInput } from './SecretInput';

type ApiKey = Extract<Auth, { type: 'apikey' }>;

export function ApiKeyAuth({ auth, onChange, ctx }: { auth: ApiKey; onChange: (a: Auth) => void; ctx: VariableContext }) {
  return (
    <div className="auth-fields">
      <Field label="Key">
        <VariableInput className="field-input" value={auth.key} ctx={ctx} aria-label="API key name" placeholder="X-API-Key" onValueChange={(key) => onChange({ ...auth, key })} />
      </Field>
      <Field label="Value">
        <SecretInput value={auth.value} ctx={ctx} label="API key value" onChange={(value) => onChange({ ...auth, value })} />
      </Field>
      <Field label="Add to">
        <select className="select" aria-label="Add API key to" value={auth.in} onChange={(e) => onChange({ ...auth, in: e.target.value as ApiKey['in'] })}>
          <option value="header">Header</option>
          <option value="query">Query params</option>
        </select>
      </Field>
    </div>
  );
}
