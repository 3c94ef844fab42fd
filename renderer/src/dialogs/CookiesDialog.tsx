// The cookie jar: every cookie the host keeps, delete one or clear all.
import { useEffect, useState } from 'react';
import type { Cookie } from '../../../shared/model';
import { Dialog } from '../common/Dialog';
import { CookieTable } from '../response/CookiesView';
import { onEvent, rpc } from '../rpc';
import { confirm, useDialogs } from '../state/dialogs';
import { attempt } from '../state/toasts';

export function CookiesDialog() {
  const close = () => useDialogs.getState().openPanel(null);
  const [cookies, setCookies] = useState<Cookie[] | null>(null);
  const [filter, setFilter] = useState('');

  const load = async () => {
    const r = await attempt(() => rpc['cookies.list']({}), 'Could not load cookies');
    setCookies(r?.cookies ?? []);
  };

  useEffect(() => {
    void load();
    return onEvent('workspace.changed', (e) => {
      if (e.what === 'cookies') void load();
    });
  }, []);

  const remove = async (c: Cookie) => {
    if (await attempt(() => rpc['cookies.delete']({ domain: c.domain, path: c.path, name: c.name }), 'Could not delete the cookie')) await load();
  };
  const clearAll = async () => {
    if (!(await confirm('Clear cookies', `Delete all ${cookies?.length ?? 0} cookies from the jar?`, 'Clear all'))) return;
    if (await attempt(() => rpc['cookies.clear']({}), 'Could not clear cookies')) await load();
  };

  const needle = filter.trim().toLowerCase();
  const shown = (cookies ?? []).filter((c) => !needle || c.domain.toLowerCase().includes(needle) || c.name.toLowerCase().includes(needle));

  return (
    <Dialog
      title="Cookies"
      onClose={close}
      width={860}
      footer={
        <>
          <button className="button danger" disabled={!cookies?.length} onClick={() => void clearAll()}>
            Clear all
          </button>
          <div className="grow" />
          <button className="button" onClick={close}>
            Close
          </button>
        </>
      }
    >
      <div className="cookies-dialog" data-testid="cookies-dialog">
        <input
          className="input"
          type="search"
          placeholder="Filter by domain or name"
          aria-label="Filter cookies"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {cookies === null ? (
          <p className="muted">Loading…</p>
        ) : shown.length === 0 ? (
          <p className="empty-note">{cookies.length ? 'No cookie matches.' : 'The cookie jar is empty. Cookies that responses set are kept here and sent back automatically.'}</p>
        ) : (
          <div className="dialog-scroll">
            <CookieTable cookies={shown} label="Cookie jar" testId="cookie-jar" onDelete={(c) => void remove(c)} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
