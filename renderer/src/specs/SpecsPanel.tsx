// The Specs panel of the sidebar: the workspace's OpenAPI documents (name, title, operation count,
// problems, whether a collection is linked), "New spec" and "Open spec file…" (YAML or JSON).
import { useEffect, useRef } from 'react';
import { Icon } from '../common/Icon';
import { useSpecs } from '../state/specs';
import { useTabs } from '../state/tabs';
import { createSpec, deleteSpec, openSpec, openSpecFile } from './specActions';
import './specs.css';

export function SpecsPanel() {
  const specs = useSpecs((s) => s.specs);
  const loaded = useSpecs((s) => s.loaded);
  const activeSpecId = useTabs((s) => {
    const t = s.tabs.find((x) => x.id === s.activeId);
    return t?.kind === 'spec' ? t.specId : null;
  });
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void useSpecs.getState().reload();
  }, []);

  return (
    <div className="panel specs-panel">
      <div className="panel-toolbar">
        <button className="icon-button" aria-label="New spec" title="New spec" onClick={() => void createSpec()}>
          <Icon name="plus" />
        </button>
        <button className="icon-button" aria-label="Open spec file…" title="Open an OpenAPI file (YAML or JSON)" onClick={() => fileInput.current?.click()}>
          <Icon name="file" />
        </button>
        <span className="panel-title">Specs</span>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          aria-label="Spec file to open"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openSpecFile(file);
          }}
        />
      </div>
      <div className="panel-scroll">
        {loaded && specs.length === 0 && (
          <div className="panel-empty">
            <p>No specs yet.</p>
            <p className="muted">An OpenAPI 3.0/3.1 document, validated as you type, can generate a collection and keep it in step.</p>
            <button className="button primary" onClick={() => void createSpec()}>
              Create a spec
            </button>
          </div>
        )}
        <ul className="spec-list" aria-label="Specs">
          {specs.map((s) => (
            <li key={s.id} className={`spec-row ${s.id === activeSpecId ? 'active' : ''}`} aria-label={`Spec ${s.name}`}>
              <button className="spec-row-open" aria-label={`Open spec ${s.name}`} onClick={() => openSpec(s.id, s.name)} title={s.title || s.name}>
                <Icon name="file" size={14} />
                <span className="spec-row-name">{s.name}</span>
                <span className="muted small">
                  {s.errors > 0 ? `${s.errors} problem${s.errors === 1 ? '' : 's'}` : `${s.operations} op${s.operations === 1 ? '' : 's'}`}
                </span>
                {s.collectionId && <Icon name="layers" size={12} className="spec-row-linked" />}
              </button>
              <button className="icon-button spec-row-delete" aria-label={`Delete spec ${s.name}`} title="Delete" onClick={() => void deleteSpec(s.id, s.name)}>
                <Icon name="trash" size={13} />
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
