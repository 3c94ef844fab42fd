// A spec's tab: its name, title, version and operation count; Edit (the text with validation as you
// type, the problems under it, and, once a collection was generated from it, the drift) or Preview
// (the rendered documentation); "Generate collection" or "Open collection".
import type { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import type { Spec } from '../../../shared/contract-design';
import { EditPreviewSwitch } from '../docs/DescriptionEditor';
import { startMockOf } from '../mocks/mocksActions';
import { rpc } from '../rpc';
import { useSpecs } from '../state/specs';
import type { SpecTab } from '../state/tabTypes';
import { errorMessage } from '../state/toasts';
import { DriftPanel } from './DriftPanel';
import { ProblemsList } from './ProblemsList';
import { editSpecText, flushSpec, generateCollection, openLinkedCollection, renameSpec, syncSpec } from './specActions';
import { jumpTo, SpecEditor } from './SpecEditor';
import { SpecPreview } from './SpecPreview';
import './specs.css';
import { useSpecDrift } from './useSpecDrift';
import { useSpecValidation } from './useSpecValidation';

/** The spec as saved (for its format), loaded once per tab; the text then lives in the specs store. */
function useSpecDocument(specId: string) {
  const [spec, setSpec] = useState<Spec | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    rpc['specs.get']({ id: specId }).then(
      (s) => {
        if (!live) return;
        if (useSpecs.getState().texts[specId] === undefined) {
          useSpecs.getState().setText(specId, s.text);
          useSpecs.getState().noteSaved(specId, s.updatedAt);
        }
        setSpec(s);
      },
      (err: unknown) => {
        if (!live) return;
        setError(errorMessage(err));
        // A tab restored after a reload whose spec was deleted meanwhile closes with the list's reload.
        void useSpecs.getState().reload();
      },
    );
    return () => {
      live = false;
    };
  }, [specId]);
  return { spec, error };
}

function operationsLabel(n: number): string {
  return `${n} operation${n === 1 ? '' : 's'}`;
}

export function SpecView({ tab }: { tab: SpecTab }) {
  const { specId } = tab;
  const { spec, error: loadError } = useSpecDocument(specId);
  const text = useSpecs((s) => s.texts[specId]);
  const summary = useSpecs((s) => s.specs.find((x) => x.id === specId));
  const validation = useSpecValidation(text);
  const collectionId = summary?.collectionId ?? spec?.collectionId ?? null;
  const { drift, error: driftError, refresh: refreshDrift } = useSpecDrift(specId, collectionId);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [busy, setBusy] = useState(false);
  const [generateError, setGenerateError] = useState<string | null>(null);
  const viewRef = useRef<EditorView | null>(null);

  // A waiting edit is saved when the tab is left.
  useEffect(() => () => void flushSpec(specId), [specId]);

  const result = validation?.result ?? null;
  const title = result?.title ?? summary?.title ?? '';
  const operations = result?.operations ?? summary?.operations ?? 0;

  const generate = async () => {
    setBusy(true);
    const out = await generateCollection(specId);
    setBusy(false);
    setGenerateError(out.ok ? null : out.message);
  };
  const update = async (keys: string[] | undefined) => {
    setBusy(true);
    await syncSpec(specId, keys);
    setBusy(false);
    refreshDrift();
  };

  return (
    <div className="spec-view" data-testid="spec-view">
      <header className="container-header spec-header">
        <input
          key={tab.draft.name}
          className="input container-name"
          aria-label="Spec name"
          defaultValue={tab.draft.name}
          onBlur={(e) => void renameSpec(specId, e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <span className="spec-info" data-testid="spec-info">
          {title || 'Untitled'}
          {summary?.version ? ` · v${summary.version}` : ''} · {operationsLabel(operations)}
        </span>
        <div className="grow" />
        <EditPreviewSwitch label="Spec mode" mode={mode} onChange={setMode} />
        <button className="button" onClick={() => void startMockOf({ kind: 'spec', specId })}>
          Start mock
        </button>
        {collectionId ? (
          <button className="button" onClick={() => void openLinkedCollection(collectionId)}>
            Open collection
          </button>
        ) : (
          <button className="button primary" disabled={busy || !spec} onClick={() => void generate()}>
            Generate collection
          </button>
        )}
      </header>
      {(generateError || loadError) && (
        <p className="error-text spec-error" role="alert">
          {loadError ? `Could not open the spec: ${loadError}` : `Could not generate the collection: ${generateError}`}
        </p>
      )}
      {mode === 'preview' ? (
        <SpecPreview specId={specId} />
      ) : (
        <div className="spec-body">
          <div className="spec-editor-column">
            {spec && text !== undefined && (
              <SpecEditor
                format={spec.format}
                text={text}
                onChange={(t) => editSpecText(specId, t)}
                problems={result?.problems ?? []}
                problemsText={result ? validation!.text : null}
                viewRef={viewRef}
              />
            )}
            <ProblemsList
              problems={result?.problems ?? null}
              error={validation?.error ?? null}
              onJump={(p) => jumpTo(viewRef.current, p.line, p.column)}
            />
          </div>
          {collectionId && <DriftPanel drift={drift} error={driftError} busy={busy} onUpdate={(keys) => void update(keys)} />}
        </div>
      )}
    </div>
  );
}
