// The request's Code section: the request as code (formats.snippet, made by httpsnippet in the
// main process) in the language picked, its variables resolved or kept, with a copy button.
import { useEffect, useState } from 'react';
import { SNIPPET_TARGETS, type SnippetTargetId } from '../../../shared/snippet-targets';
import { Icon } from '../common/Icon';
import { rpc } from '../rpc';
import { errorMessage, notify, notifyError } from '../state/toasts';
import type { RequestTab } from '../state/tabTypes';

const TARGET_KEY = 'courier.snippetTarget';

function savedTarget(): SnippetTargetId {
  const saved = localStorage.getItem(TARGET_KEY);
  return SNIPPET_TARGETS.find((t) => t.id === saved)?.id ?? 'curl';
}

export function CodeSnippetPanel({ tab }: { tab: RequestTab }) {
  const [target, setTarget] = useState<SnippetTargetId>(savedTarget);
  const [resolveVariables, setResolve] = useState(true);
  const [code, setCode] = useState<{ text: string } | { error: string } | null>(null);
  const { request } = tab.draft;

  useEffect(() => {
    let current = true;
    rpc['formats.snippet']({ request, requestId: tab.itemId ?? null, target, resolveVariables }).then(
      ({ code: text }) => current && setCode({ text }),
      (err: unknown) => current && setCode({ error: errorMessage(err) }),
    );
    return () => {
      current = false;
    };
  }, [request, tab.itemId, target, resolveVariables]);

  const pick = (id: SnippetTargetId) => {
    localStorage.setItem(TARGET_KEY, id);
    setTarget(id);
  };

  return (
    <div className="section-pad code-snippet-panel" data-testid="code-snippet-panel">
      <div className="code-snippet-toolbar" style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <select className="select" aria-label="Language" data-testid="snippet-target" value={target} onChange={(e) => pick(e.target.value as SnippetTargetId)}>
          {SNIPPET_TARGETS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <div className="segmented" role="radiogroup" aria-label="Variables">
          {[true, false].map((on) => (
            <button key={String(on)} role="radio" aria-checked={resolveVariables === on} className={resolveVariables === on ? 'active' : ''} onClick={() => setResolve(on)}>
              {on ? 'Variables resolved' : 'Variables kept'}
            </button>
          ))}
        </div>
        <button
          className="icon-button"
          aria-label="Copy code"
          title="Copy code"
          disabled={!code || !('text' in code)}
          onClick={() =>
            code && 'text' in code &&
            navigator.clipboard
              .writeText(code.text)
              .then(() => notify('Code copied', 'success'))
              .catch((err: unknown) => notifyError(err, 'Could not copy'))
          }
        >
          <Icon name="copy" size={15} />
        </button>
      </div>
      {code && 'error' in code ? (
        <p className="error-text" role="alert">
          {code.error}
        </p>
      ) : (
        <pre className="code-snippet" data-testid="snippet-code" aria-busy={code === null} style={{ margin: 0, padding: 10, overflow: 'auto', whiteSpace: 'pre', background: 'var(--surface-2)', borderRadius: 6, fontFamily: 'var(--font-mono, monospace)', fontSize: 12 }}>
          {code?.text ?? ''}
        </pre>
      )}
    </div>
  );
}
