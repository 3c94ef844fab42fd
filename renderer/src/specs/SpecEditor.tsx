// The spec's text in CodeMirror (YAML or JSON highlighting), with the latest validation's problems
// shown as lint diagnostics at their lines (underline, gutter marker, message on hover).
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, type MutableRefObject } from 'react';
import type { SpecFormat, SpecProblem } from '../../../shared/contract-design';
import { CodeEditor } from '../editor/CodeEditor';
import { offsetOf, problemsToDiagnostics } from './specDiagnostics';

interface Props {
  format: SpecFormat;
  text: string;
  onChange: (text: string) => void;
  /** Problems of `problemsText`; applied only while the editor still holds that text. */
  problems: SpecProblem[];
  problemsText: string | null;
  viewRef: MutableRefObject<EditorView | null>;
}

export function SpecEditor({ format, text, onChange, problems, problemsText, viewRef }: Props) {
  const extensions = useMemo(() => [format === 'json' ? json() : yaml(), lintGutter()], [format]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || problemsText === null || view.state.doc.toString() !== problemsText) return;
    view.dispatch(setDiagnostics(view.state, problemsToDiagnostics(view.state.doc, problems)));
  }, [problems, problemsText, viewRef]);

  return (
    <CodeEditor
      value={text}
      onChange={onChange}
      language="text"
      ariaLabel="Spec text"
      testId="spec-editor"
      extensions={extensions}
      viewRef={viewRef}
    />
  );
}

/** Puts the cursor at a problem's line and column and scrolls it into view. */
export function jumpTo(view: EditorView | null, line: number, column: number): void {
  if (!view) return;
  const at = offsetOf(view.state.doc, line, column);
  view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
  view.focus();
}
