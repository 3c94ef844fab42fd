// A Markdown description beside its item: a text area to write it and a rendered preview (the
// agent's Markdown component: elements only, raw HTML dropped, only http(s)/mailto links).
import { useState } from 'react';
import { Markdown } from '../agent/Markdown';
import '../styles/docs.css';

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** What is described, for labels: "request", "folder", "collection". */
  what: string;
  idPrefix: string;
}

/** Edit | Preview, as two pressed-or-not buttons (also the spec editor's). */
export function EditPreviewSwitch({ label, mode, onChange }: { label: string; mode: 'edit' | 'preview'; onChange: (mode: 'edit' | 'preview') => void }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      <button className="button small" aria-pressed={mode === 'edit'} onClick={() => onChange('edit')}>
        Edit
      </button>
      <button className="button small" aria-pressed={mode === 'preview'} onClick={() => onChange('preview')}>
        Preview
      </button>
    </div>
  );
}

export function DescriptionEditor({ value, onChange, what, idPrefix }: Props) {
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  return (
    <div className="description-editor">
      <div className="description-toolbar">
        <label className="field-label" htmlFor={`${idPrefix}-desc`}>
          Description
        </label>
        <span className="muted">Markdown</span>
        <div className="grow" />
        <EditPreviewSwitch label="Description mode" mode={mode} onChange={setMode} />
      </div>
      {mode === 'edit' ? (
        <textarea
          id={`${idPrefix}-desc`}
          className="description-input"
          placeholder={`What this ${what} is for, how to use it… (Markdown)`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <div className="description-preview" data-testid="description-preview">
          {value.trim() ? <Markdown text={value} className="docs-markdown" /> : <p className="muted">No description yet.</p>}
        </div>
      )}
    </div>
  );
}
