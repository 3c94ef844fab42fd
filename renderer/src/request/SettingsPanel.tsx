// Per-request settings: timeout, redirects, TLS verification.
import type { RequestSettings } from '../../../shared/model';
import type { RequestTab } from '../state/tabTypes';
import { editRequest } from './requestDraft';

export function SettingsPanel({ tab }: { tab: RequestTab }) {
  const s = tab.draft.request.settings;
  const set = (patch: Partial<RequestSettings>) => editRequest(tab.id, (r) => ({ ...r, settings: { ...r.settings, ...patch } }));
  const int = (v: string, min: number, max: number) => Math.max(min, Math.min(max, Math.floor(Number(v) || 0)));
  return (
    <section className="section-pad settings-panel">
      <label className="setting-row">
        <span>
          <strong>Timeout</strong>
          <small>Milliseconds before the request gives up; 0 waits forever.</small>
        </span>
        <input
          className="input small number"
          type="number"
          min={0}
          max={3_600_000}
          step={1000}
          aria-label="Timeout in milliseconds"
          value={s.timeoutMs}
          onChange={(e) => set({ timeoutMs: int(e.target.value, 0, 3_600_000) })}
        />
      </label>
      <label className="setting-row">
        <span>
          <strong>Follow redirects</strong>
          <small>Follow 3xx responses to their Location.</small>
        </span>
        <input type="checkbox" className="switch" aria-label="Follow redirects" checked={s.followRedirects} onChange={(e) => set({ followRedirects: e.target.checked })} />
      </label>
      <label className="setting-row">
        <span>
          <strong>Maximum redirects</strong>
          <small>How many redirects to follow at most.</small>
        </span>
        <input
          className="input small number"
          type="number"
          min={0}
          max={50}
          aria-label="Maximum redirects"
          disabled={!s.followRedirects}
          value={s.maxRedirects}
          onChange={(e) => set({ maxRedirects: int(e.target.value, 0, 50) })}
        />
      </label>
      <label className="setting-row">
        <span>
          <strong>Verify TLS certificates</strong>
          <small>Turn off only for servers with self-signed certificates you trust.</small>
        </span>
        <input type="checkbox" className="switch" aria-label="Verify TLS certificates" checked={s.verifyTls} onChange={(e) => set({ verifyTls: e.target.checked })} />
      </label>
    </section>
  );
}
