// The Auth section for requests, folders and collections: pick a type, fill in its fields.
import type { Auth } from '../../../../shared/model';
import type { VariableContext } from '../../state/variables';
import { ApiKeyAuth } from './ApiKeyAuth';
import { AUTH_LABELS } from './authSummary';
import { BasicAuth } from './BasicAuth';
import { BearerAuth } from './BearerAuth';
import { InheritAuth } from './InheritAuth';
import { NoAuth } from './NoAuth';
import { OAuth2Auth } from './OAuth2Auth';

interface Props {
  auth: Auth;
  onChange: (auth: Auth) => void;
  ctx: VariableContext;
  /** The item whose parents are searched for "inherit"; null when unsaved. */
  itemId: string | null;
  allowInherit: boolean;
}

function initial(type: Auth['type']): Auth {
  switch (type) {
    case 'inherit':
      return { type: 'inherit' };
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: '', password: '' };
    case 'bearer':
      return { type: 'bearer', token: '' };
    case 'apikey':
      return { type: 'apikey', key: '', value: '', in: 'header' };
    case 'oauth2':
      return { type: 'oauth2', grantType: 'client_credentials', accessTokenUrl: '', clientId: '', clientSecret: '', scope: '', clientAuthentication: 'header' };
  }
}

export function AuthEditor({ auth, onChange, ctx, itemId, allowInherit }: Props) {
  const types = (Object.keys(AUTH_LABELS) as Auth['type'][]).filter((t) => allowInherit || t !== 'inherit');
  return (
    <div className="auth-editor section-pad">
      <div className="auth-type">
        <label className="field-label" htmlFor={`auth-type-${itemId ?? 'new'}`}>
          Auth type
        </label>
        <select
          id={`auth-type-${itemId ?? 'new'}`}
          className="select"
          aria-label="Auth type"
          data-testid="auth-type"
          value={auth.type}
          onChange={(e) => onChange(initial(e.target.value as Auth['type']))}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {AUTH_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="auth-body">
        {auth.type === 'inherit' && <InheritAuth itemId={itemId} ctx={ctx} />}
        {auth.type === 'none' && <NoAuth />}
        {auth.type === 'basic' && <BasicAuth auth={auth} onChange={onChange} ctx={ctx} />}
        {auth.type === 'bearer' && <BearerAuth auth={auth} onChange={onChange} ctx={ctx} />}
        {auth.type === 'apikey' && <ApiKeyAuth auth={auth} onChange={onChange} ctx={ctx} />}
        {auth.type === 'oauth2' && <OAuth2Auth auth={auth} onChange={onChange} ctx={ctx} />}
      </div>
    </div>
  );
}
