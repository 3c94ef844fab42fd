// A failed send: its code, the message, and a hint of what to check.
import type { SendError } from '../../../shared/model';
import { Icon } from '../common/Icon';

const HINTS: Partial<Record<SendError['code'], string>> = {
  INVALID_URL: 'Check the URL: it needs a host, and every {{variable}} in it must resolve.',
  DNS: 'The host name could not be found. Check for typos, your network and VPN.',
  CONNECTION_REFUSED: 'Nothing is listening there. Is the server running on that host and port?',
  TIMEOUT: 'The server took too long. Raise the timeout in the Settings tab, or check the server.',
  TLS: 'The TLS handshake failed. For a self-signed certificate you trust, turn off “Verify TLS certificates” in Settings.',
  CANCELLED: 'You cancelled the request.',
  RESPONSE_CUT_OFF: 'The connection closed before the whole response arrived.',
  TOO_MANY_REDIRECTS: 'The redirect limit was reached. Raise it in Settings, or look for a redirect loop.',
  FILE: 'A file this request sends could not be read. Pick it again in the Body tab.',
  AUTH: 'Getting credentials failed. Check the Auth tab (for OAuth 2.0: token URL, client id and secret).',
  NETWORK: 'A network error stopped the request.',
};

export function SendErrorPanel({ error }: { error: SendError | { code: string; message: string } }) {
  const hint = HINTS[error.code as SendError['code']];
  const cancelled = error.code === 'CANCELLED';
  return (
    <div className={`send-error ${cancelled ? 'cancelled' : ''}`} role="alert" data-testid="send-error">
      <Icon name="alert" size={28} />
      <div>
        <h3>{cancelled ? 'Request cancelled' : 'Could not get a response'}</h3>
        <p className="send-error-message">
          <code className="send-error-code" data-testid="send-error-code">
            {error.code}
          </code>{' '}
          {error.message}
        </p>
        {hint && !cancelled && <p className="muted">{hint}</p>}
      </div>
    </div>
  );
}

export function UnresolvedWarning({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <div className="warning-bar" role="status" data-testid="unresolved-warning">
      <Icon name="alert" size={14} />
      <span>
        {names.length === 1 ? 'This variable is' : 'These variables are'} not defined and {names.length === 1 ? 'was' : 'were'} sent as
        written:{' '}
        {names.map((n) => (
          <code key={n} className="var-unresolved-chip">{`{{${n}}}`}</code>
        ))}
      </span>
    </div>
  );
}
