// What a Team Settings section shows about its load from the billing server: a Refresh button and
// the error, if the last load failed (what was loaded before stays on screen).
import type { Remote } from './useRemote';

type Status = Pick<Remote<unknown>, 'reload' | 'loading' | 'error'>;

export function RefreshButton({ remote }: { remote: Status }) {
  return (
    <button className="button small" onClick={() => void remote.reload()} disabled={remote.loading}>
      Refresh
    </button>
  );
}

export function RemoteError({ remote }: { remote: Status }) {
  if (!remote.error) return null;
  return (
    <p className="error-text" role="alert">
      {remote.error}
    </p>
  );
}
