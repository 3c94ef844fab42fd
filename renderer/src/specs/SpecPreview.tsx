// The spec rendered as documentation: specs.docs gives the same DocsNode the Docs view of a
// collection renders, so the preview reuses that view's document component.
import { useEffect, useState } from 'react';
import type { DocsNode } from '../../../shared/contract-docs';
import { DocsDocument } from '../docs/DocsView';
import { rpc } from '../rpc';
import { errorMessage } from '../state/toasts';
import '../styles/docs.css';
import { flushSpec } from './specActions';

export function SpecPreview({ specId }: { specId: string }) {
  const [doc, setDoc] = useState<DocsNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void flushSpec(specId)
      .then(() => rpc['specs.docs']({ id: specId }))
      .then(
        (d) => live && setDoc(d),
        (err: unknown) => live && setError(errorMessage(err)),
      );
    return () => {
      live = false;
    };
  }, [specId]);
  return (
    <div className="spec-preview docs-view" data-testid="spec-preview">
      {error && (
        <p className="error-text" role="alert">
          Could not render the preview: {error}
        </p>
      )}
      {!doc && !error && <p className="muted">Rendering…</p>}
      {doc && <DocsDocument doc={doc} target="curl" inWorkspace={false} />}
    </div>
  );
}
