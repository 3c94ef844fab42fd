// An editable CodeMirror 6 editor (request bodies). The view is created once (useEditorView);
// outside changes to `value` are applied as a transaction, and edits are reported through onChange.
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, placeholder as placeholderExt } from '@codemirror/view';
import { useEffect, useRef } from 'react';
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
}

export function CodeEditor({ value, onChange, language, ariaLabel, placeholder, testId }: Props) {
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
