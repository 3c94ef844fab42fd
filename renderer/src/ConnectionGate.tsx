// Without a link to the main process the app cannot work: say why and what to do.
import type { ReactNode } from 'react';
import { Icon } from './common/Icon';
import { useConnection } from './rpc/connection';
import { forgetToken } from './rpc/token';

export function ConnectionGate({ children }: { children: ReactNode }) {
  const state = useConnection((s) => s.state);
  if (state.status === 'no-token' || state.status === 'refused') {
    return (
      <div className="gate" role="alert" data-testid="connection-gate">
        <div className="gate-card">
          <span className="brand-mark large" aria-hidden="true">
            <Icon name="send" size={22} />
          </span>
          <h1>{state.status === 'no-token' ? 'Open Courier from its own link' : 'Courier did not accept this page'}</h1>
          <p>
            {state.status === 'no-token'
              ? 'This page was opened without its access token.'
              : state.reason}
          </p>
          <p>
            Courier serves this window on your machine only, protected by a token that changes every launch. Open the URL
            that <code>npm start</code> printed in your terminal — it looks like <code>http://127.0.0.1:PORT/?token=…</code>.
          </p>
          <p className="muted">If you restarted Courier, the old link no longer works: use the new one.</p>
          <button
            className="button"
            onClick={() => {
              forgetToken();
              location.reload();
            }}
          >
            Try again
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      {state.status === 'reconnecting' && (
        <div className="connection-banner" role="status" data-testid="connection-banner">
          <span className="spinner" aria-hidden="true" />{' '}
          {state.attempt < 5
            ? `Connection to Courier lost — reconnecting (attempt ${state.attempt})… Your drafts are kept.`
            : 'Still cannot reach Courier. If you restarted it, open the new URL it printed: the old link stops working. Your drafts are kept.'}
        </div>
      )}
      {children}
    </>
  );
}
