// An editable CodeMirror 6 editor (request bodies). The view is created once (useEditorView);
// outside changes to `value` are applied as a transaction, and edits are reported through onChange.
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, placeholder as placeholderExt } from '@codemirror/view';
import { useEffect, useRef, type MutableRefObject } from 'react';
import { editableExtensions } from './extensions';
import { languageExtension, type EditorLanguage } from './languages';
import { useEditorView } from './useEditorView';

interface Props {
  value: string;
  onChange: (value: string) => void;
  language: EditorLanguage;
  ariaLabel: string;
  placeholder?: string;
  testId?: string;
  /** More extensions (the script editor's completion). */
  extensions?: Extension;
  /** Receives the view while mounted (the script editor inserts snippets through it). */
  viewRef?: MutableRefObject<EditorView | null>;
}

export function CodeEditor({ value, onChange, language, ariaLabel, placeholder, testId, extensions = [], viewRef }: Props) {
  const lastValue = useRef(value);
  const onChangeRef = useRef(onChange);
  const langCompartment = useRef(new Compartment());
  const applyingOutside = useRef(false);
  onChangeRef.current = onChange;

  const { host, view } = useEditorView(() =>
    EditorState.create({
      doc: value,
      extensions: [
        editableExtensions(),
        langCompartment.current.of(languageExtension(language, value.length)),
        placeholderExt(placeholder ?? ''),
        extensions,
        EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged || applyingOutside.current) return;
          const text = u.state.doc.toString();
          lastValue.current = text;
          onChangeRef.current(text);
        }),
      ],
    }),
  );

  useEffect(() => {
    if (!viewRef) return;
    viewRef.current = view.current;
    return () => {
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || value === lastValue.current) return;
    lastValue.current = value;
    applyingOutside.current = true;
    try {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    } finally {
      applyingOutside.current = false;
    }
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ effects: langCompartment.current.reconfigure(languageExtension(language, v.state.doc.length)) });
  }, [language]);

  return <div className="code-editor" ref={host} data-testid={testId} />;
}
