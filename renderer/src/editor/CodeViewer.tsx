// A read-only CodeMirror view for response bodies: folding, search (Ctrl/Cmd+F), selection and
// copy. The document is set imperatively (never through React state), so large bodies cost one
// state swap; over HIGHLIGHT_LIMIT it is plain text with indentation folding.
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { indentFolding, viewerExtensions } from './extensions';
import { HIGHLIGHT_LIMIT, languageExtension, type EditorLanguage } from './languages';
import { useEditorView } from './useEditorView';

interface Props {
  doc: string;
  language: EditorLanguage;
  wrap: boolean;
  ariaLabel: string;
  testId?: string;
}

export function CodeViewer({ doc, language, wrap, ariaLabel, testId }: Props) {
  const { host, view } = useEditorView();
  const wrapCompartment = useRef(new Compartment());

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const large = doc.length > HIGHLIGHT_LIMIT;
    v.setState(
      EditorState.create({
        doc,
        extensions: [
          viewerExtensions(),
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel, 'aria-readonly': 'true' }),
          languageExtension(language, doc.length),
          large || language === 'text' ? indentFolding : [],
          wrapCompartment.current.of(wrap ? EditorView.lineWrapping : []),
        ],
      }),
    );
    // `wrap` is applied by its own effect without rebuilding the document.
  }, [doc, language, ariaLabel]);

  useEffect(() => {
    view.current?.dispatch({ effects: wrapCompartment.current.reconfigure(wrap ? EditorView.lineWrapping : []) });
  }, [wrap]);

  return <div className="code-editor code-viewer" ref={host} data-testid={testId} />;
}
