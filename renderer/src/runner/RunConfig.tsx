// The Runner's form: collection, folders, environment, iterations, data file, delay, timeout,
// bail, keep variable changes; Start and Cancel.
import type { TreeNode } from '../../../shared/model';
import { useEnvironments } from '../state/environments';
import { updateForm, useRunner, type RunnerTabState } from '../state/runner';
import { useTree, selectTopLevel } from '../state/tree';
import { cancelRun, chooseCollection, startRun } from './runnerActions';

/** The folders under a collection, depth first, with their depth. */
function foldersOf(collectionId: string, children: Map<string | null, TreeNode[]>): { node: TreeNode; depth: number }[] {
  const out: { node: TreeNode; depth: number }[] = [];
  const walk = (id: string, depth: number) => {
    for (const c of children.get(id) ?? []) {
      if (c.kind !== 'folder') continue;
      out.push({ node: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(collectionId, 0);
  return out;
}

function NumberField({ label, value, placeholder, onChange }: { label: string; value: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <label className="pane-field">
      <span className="field-label">{label}</span>
      <input className="input" inputMode="numeric" aria-label={label} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

interface SelectFieldProps {
  label: string;
  ariaLabel: string;
  value: string;
  /** The label of an option with the value "" first, when given. */
  empty?: string;
  options: { id: string; name: string }[];
  onChange: (id: string) => void;
}

function SelectField({ label, ariaLabel, value, empty, options, onChange }: SelectFieldProps) {
  return (
    <label className="pane-field">
      <span className="field-label">{label}</span>
      <select className="select" aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function DataFileField({ tabId, state }: { tabId: string; state: RunnerTabState }) {
  const data = state.form.data;
  return (
    <div className="pane-field">
      <span className="field-label">Data file (CSV or JSON)</span>
      {data ? (
        <div className="runner-data-file">
          <span data-testid="runner-data-file">{data.fileName}</span>
          <button className="button small plain" onClick={() => updateForm(tabId, { data: null })}>
            Remove
          </button>
        </div>
      ) : (
        <input
          type="file"
          aria-label="Data file"
          accept=".csv,.json,text/csv,application/json"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) updateForm(tabId, { data: { fileName: file.name, text: await file.text() }, iterations: '' });
          }}
        />
      )}
    </div>
  );
}

export function RunConfig({ tabId, state }: { tabId: string; state: RunnerTabState }) {
  const { form, run, starting } = state;
  const collections = useTree(selectTopLevel).filter((n) => n.kind === 'collection');
  const children = useTree((s) => s.children);
  const environments = useEnvironments((s) => s.environments);
  const running = run?.status === 'running';
  const folders = form.collectionId ? foldersOf(form.collectionId, children) : [];
  const toggleFolder = (id: string, on: boolean) =>
    updateForm(tabId, { itemIds: on ? [...form.itemIds, id] : form.itemIds.filter((x) => x !== id) });

  return (
    <form
      className="pane-config"
      aria-label="Run settings"
      onSubmit={(e) => {
        e.preventDefault();
        void startRun(tabId);
      }}
    >
      <SelectField
        label="Collection"
        ariaLabel="Collection to run"
        value={form.collectionId}
        empty={form.collectionId ? undefined : 'Pick a collection…'}
        options={collections}
        onChange={(id) => chooseCollection(tabId, id)}
      />
      {folders.length > 0 && (
        <fieldset className="runner-folders">
          <legend className="field-label">Folders {form.itemIds.length === 0 && <span className="muted">(all)</span>}</legend>
          {folders.map(({ node, depth }) => (
            <label key={node.id} className="runner-check" style={{ paddingLeft: depth * 14 }}>
              <input type="checkbox" aria-label={`Run folder ${node.name}`} checked={form.itemIds.includes(node.id)} onChange={(e) => toggleFolder(node.id, e.target.checked)} />
              {node.name}
            </label>
          ))}
        </fieldset>
      )}
      <SelectField
        label="Environment"
        ariaLabel="Run environment"
        value={form.environmentId ?? ''}
        empty="No environment"
        options={environments}
        onChange={(id) => updateForm(tabId, { environmentId: id || null })}
      />
      <div className="pane-row runner-row">
        <NumberField label="Iterations" value={form.iterations} placeholder="1 per data row" onChange={(iterations) => updateForm(tabId, { iterations })} />
        <NumberField label="Delay (ms)" value={form.delayMs} onChange={(delayMs) => updateForm(tabId, { delayMs })} />
        <NumberField label="Request timeout (ms)" value={form.timeoutMs} placeholder="each request’s own" onChange={(timeoutMs) => updateForm(tabId, { timeoutMs })} />
      </div>
      <DataFileField tabId={tabId} state={state} />
      <label className="runner-check">
        <input type="checkbox" checked={form.bail} onChange={(e) => updateForm(tabId, { bail: e.target.checked })} />
        Stop at the first failure (bail)
      </label>
      <label className="runner-check">
        <input type="checkbox" checked={form.persistVariables} onChange={(e) => updateForm(tabId, { persistVariables: e.target.checked })} />
        Keep variable changes (environment, globals, collection)
      </label>
      {state.error && (
        <p className="runner-error" role="alert" data-testid="runner-error">
          {state.error}
        </p>
      )}
      <div className="runner-actions">
        <button type="submit" className="button primary" disabled={running || starting || !form.collectionId}>
          {starting ? 'Starting…' : 'Start run'}
        </button>
        <button type="button" className="button danger" disabled={!running} onClick={() => void cancelRun(tabId)}>
          Cancel run
        </button>
      </div>
    </form>
  );
}

/** The Runner tab's state, or undefined while it is being created. */
export const useRunnerTab = (tabId: string) => useRunner((s) => s.byTab[tabId]);
