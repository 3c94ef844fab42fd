// Says in words what an auth setting sends, with variables resolved and secrets masked.
import type { Auth } from '../../../../shared/model';
import { maskedResolve, type VariableContext } from '../../state/variables';

export const AUTH_LABELS: Record<Auth['type'], string> = {
  inherit: 'Inherit auth from parent',
  none: 'No auth',
  basic: 'Basic Auth',
  bearer: 'Bearer Token',
  apikey: 'API Key',
  oauth2: 'OAuth 2.0',
};

function mask(value: string): string {
  if (!value) return '(empty)';
  if (value.length <= 8) return '••••••';
  return `${value.slice(0, 4)}••••${value.slice(-2)}`;
}

export function authSummary(auth: Auth, ctx: VariableContext): string {
  switch (auth.type) {
    case 'inherit':
      return 'Inherits from its parent';
    case 'none':
      return 'No Authorization header is added.';
    case 'basic':
      return `Authorization: Basic … (user “${maskedResolve(auth.username, ctx)}”)`;
    case 'bearer':
      return `Authorization: Bearer ${mask(maskedResolve(auth.token, ctx))}`;
    case 'apikey':
      return auth.in === 'query'
        ? `Query param ${maskedResolve(auth.key, ctx)}=${mask(maskedResolve(auth.value, ctx))}`
        : `Header ${maskedResolve(auth.key, ctx)}: ${mask(maskedResolve(auth.value, ctx))}`;
    case 'oauth2':
      return `Client-credentials token from ${maskedResolve(auth.accessTokenUrl, ctx) || '(no token URL)'} for client “${maskedResolve(auth.clientId, ctx)}”`;
  }
}
