// The Mocks view's form: what to serve (a spec or a collection's saved examples), port, latency,
// CORS, request validation, and whether to expose the mock beyond this machine; Start.
import { useEffect } from 'react';
import { updateMockForm, useMocks } from '../state/mocks';
import { useSpecs } from '../state/specs';
import { useTree, selectTopLevel } from '../state/tree';
import { startMock } from './mocksActions';

function TextField({ label, value, placeholder, onChange }: { label: string; value: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <label className="pane-field">
      <span className="field-label">{label}</span>
      <input className="input" inputMode="numeric" aria-label={label} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="mocks-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function MockConfig() {
  const form = useMocks((s) => s.form);
  const starting = useMocks((s) => s.starting);
  const error = useMocks((s) => s.error);
  const collections = useTree(selectTopLevel).filter((n) => n.kind === 'collection');
  const specs = useSpecs((s) => s.specs);
  const specsLoaded = useSpecs((s) => s.loaded);
  useEffect(() => {
    if (!specsLoaded) void useSpecs.getState().reload();
  }, [specsLoaded]);
  const isSpec = form.source.startsWith('spec:');

  return (
    <form
      className="pane-config"
      aria-label="Mock settings"
      onSubmit={(e) => {
        e.preventDefault();
        void startMock();
      }}
    >
      <label className="pane-field">
        <span className="field-label">Serve</span>
        <select className="select" aria-label="Mock source" value={form.source} onChange={(e) => updateMockForm({ source: e.target.value })}>
          {!form.source && <option value="">Pick a spec or a collection…</option>}
          <optgroup label="Specs (OpenAPI)">
            {specs.map((s) => (
              <option key={s.id} value={`spec:${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Collections (saved examples)">
            {collections.map((c) => (
              <option key={c.id} value={`collection:${c.id}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div className="pane-row">
        <TextField label="Port" value={form.port} placeholder="any free port" onChange={(port) => updateMockForm({ port })} />
        <TextField label="Latency (ms)" value={form.latencyMs} onChange={(latencyMs) => updateMockForm({ latencyMs })} />
      </div>
      <Check label="CORS (answer browsers from any origin)" checked={form.cors} onChange={(cors) => updateMockForm({ cors })} />
      <Check label="Validate requests against the spec" checked={form.validateRequests} onChange={(validateRequests) => updateMockForm({ validateRequests })} />
      {!isSpec && form.source && <p className="muted small mocks-note">Validation applies to spec mocks; a collection mock answers with its saved examples.</p>}
      <Check label="Expose on all interfaces (0.0.0.0)" checked={form.exposeAll} onChange={(exposeAll) => updateMockForm({ exposeAll })} />
      {form.exposeAll && (
        <p className="mocks-warning" role="note" data-testid="mocks-expose-warning">
          Anyone who can reach this machine on the network can call this mock and read what it serves. Leave this off unless another device must reach it.
        </p>
      )}
      {error && (
        <p className="mocks-error" role="alert" data-testid="mocks-error">
          {error}
        </p>
      )}
      <div className="mocks-actions">
        <button type="submit" className="button primary" disabled={starting || !form.source}>
          {starting ? 'Starting…' : 'Start mock'}
        </button>
      </div>
    </form>
  );
}
