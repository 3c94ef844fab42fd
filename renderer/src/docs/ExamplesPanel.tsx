// A request's saved example responses: "Save response as example" (the tab's last response, under a
// name), then the list — each opens to its status, headers and body, and can be renamed or deleted.
import { useEffect, useState } from 'react';
import type { Example, HttpResponse } from '../../../shared/model';
import { confirm } from '../state/dialogs';
import { deleteExample, loadExamples, renameExample, saveExample, useExamples } from '../state/examples';
import { useTabResponse } from '../state/responses';

const NONE: Example[] = [];

/** The body as text an example can keep; null for bodies that are not text (binary, streamed to a file). */
export function exampleBody(response: HttpResponse): string | null {
  if (response.body.kind === 'text') return response.body.text;
  if (response.body.kind === 'empty') return '';
  return null;
}

function SaveExampleForm({ tabId, requestId }: { tabId: string; requestId: string }) {
  const response = useTabResponse(tabId).result?.response;
  const [name, setName] = useState('');
  if (!response) return <p className="muted">Send the request, then save its response here as an example.</p>;
  const body = exampleBody(response);
  const save = async () => {
    if (body === null) return;
    const ok = await saveExample({
      requestId,
      name: name.trim() || `${response.status} ${response.statusText}`.trim(),
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
    });
    if (ok) setName('');
  };
  return (
    <form
      className="example-save"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        className="input"
        aria-label="Example name"
        placeholder={`${response.status} ${response.statusText}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button className="button" type="submit" disabled={body === null} title={body === null ? 'Only text bodies can be saved as examples' : undefined}>
        Save response as example
      </button>
    </form>
  );
}

function ExampleRow({ example }: { example: Example }) {
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <li className="example-row" data-testid="example-row">
      <div className="example-head">
        {renaming === null ? (
          <button className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {example.name}
          </button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (renaming.trim()) void renameExample(example, renaming.trim()).then(() => setRenaming(null));
            }}
          >
            <input className="input" aria-label="New example name" autoFocus value={renaming} onChange={(e) => setRenaming(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)} />
          </form>
        )}
        <span className="muted">
          {example.status} {example.statusText}
        </span>
        <div className="grow" />
        <button className="button small" aria-label={`Rename example ${example.name}`} onClick={() => setRenaming(example.name)}>
          Rename
        </button>
        <button
          className="button small"
          aria-label={`Delete example ${example.name}`}
          onClick={() => void confirm('Delete example', `Delete the example “${example.name}”?`).then((yes) => (yes ? deleteExample(example) : undefined))}
        >
          Delete
        </button>
      </div>
      {open && (
        <div className="example-detail">
          {example.headers.length > 0 && (
            <table className="docs-table">
              <tbody>
                {example.headers.map(([k, v], i) => (
                  <tr key={i}>
                    <td>{k}</td>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <pre className="docs-code">{example.body || '(empty body)'}</pre>
        </div>
      )}
    </li>
  );
}

export function ExamplesPanel({ tabId, requestId }: { tabId: string; requestId: string | null }) {
  const examples = useExamples((s) => (requestId ? (s.byRequest[requestId] ?? NONE) : NONE));
  useEffect(() => {
    if (requestId) void loadExamples(requestId);
  }, [requestId]);
  if (!requestId) return <p className="muted">Save the request to keep example responses with it.</p>;
  return (
    <section className="examples-panel" aria-label="Examples">
      <h3 className="field-label">Examples</h3>
      <SaveExampleForm tabId={tabId} requestId={requestId} />
      {examples.length === 0 ? (
        <p className="muted">No saved examples.</p>
      ) : (
        <ul className="example-list">
          {examples.map((e) => (
            <ExampleRow key={e.id} example={e} />
          ))}
        </ul>
      )}
    </section>
  );
}
