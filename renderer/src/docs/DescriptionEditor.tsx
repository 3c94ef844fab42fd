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
        <div className="segmented" role="group" aria-label="Description mode">
          <button className="button small" aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button className="button small" aria-pressed={mode === 'preview'} onClick={() => setMode('preview')}>
            Preview
          </button>
        </div>
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
