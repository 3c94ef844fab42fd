// OAuth 2.0, client credentials grant: the host fetches a token from the token URL before sending.
import type { Auth } from '../../../../shared/model';
import { VariableInput } from '../../common/VariableInput';
import type { VariableContext } from '../../state/variables';
import { Field, SecretInput } from './SecretInput';

type OAuth2 = Extract<Auth, { type: 'oauth2' }>;

export function OAuth2Auth({ auth, onChange, ctx }: { auth: OAuth2; onChange: (a: Auth) => void; ctx: VariableContext }) {
  return (
    <div className="auth-fields">
      <Field label="Grant type">
        <select className="select" aria-label="Grant type" value="client_credentials" disabled>
          <option value="client_credentials">Client credentials</option>
        </select>
      </Field>
      <Field label="Access token URL">
        <VariableInput
          className="field-input"
          value={auth.accessTokenUrl}
          ctx={ctx}
          aria-label="Access token URL"
          placeholder="https://auth.example.com/oauth/token"
          onValueChange={(accessTokenUrl) => onChange({ ...auth, accessTokenUrl })}
        />
      </Field>
      <Field label="Client ID">
        <VariableInput className="field-input" value={auth.clientId} ctx={ctx} aria-label="Client ID" onValueChange={(clientId) => onChange({ ...auth, clientId })} />
      </Field>
      <Field label="Client secret">
        <SecretInput value={auth.clientSecret} ctx={ctx} label="Client secret" onChange={(clientSecret) => onChange({ ...auth, clientSecret })} />
      </Field>
      <Field label="Scope" hint="Space-separated; optional.">
        <VariableInput className="field-input" value={auth.scope} ctx={ctx} aria-label="Scope" onValueChange={(scope) => onChange({ ...auth, scope })} />
      </Field>
      <Field label="Client authentication">
        <select
          className="select"
          aria-label="Client authentication"
          value={auth.clientAuthentication}
          onChange={(e) => onChange({ ...auth, clientAuthentication: e.target.value as OAuth2['clientAuthentication'] })}
        >
          <option value="header">Send as Basic Auth header</option>
          <option value="body">Send client credentials in body</option>
        </select>
      </Field>
    </div>
  );
}
