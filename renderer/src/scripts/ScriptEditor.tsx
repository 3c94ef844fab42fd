// One script in a CodeMirror 6 editor: JavaScript highlighting, `pm.` completion with docs
// (pm-completions.ts) and an insert-at-cursor handle for the snippets list. The view is created
// once per mount; the parent remounts it (key) when it shows another script.
import { autocompletion } from '@codemirror/autocomplete';
import { javascript, javascriptLanguage } from '@codemirror/lang-javascript';
import { EditorState } from '@codemirror/state';
import { EditorView, placeholder } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { editableExtensions } from '../editor/extensions';
import { pmCompletions } from '../editor/pm-completions';
import { useEditorView } from '../editor/useEditorView';
import { snippetInsertion } from './snippets';

export interface ScriptEditorHandle {
  /** Inserts code at the cursor, on lines of its own, and focuses the editor. */
  insert(code: string): void;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  ariaLabel: string;
  placeholder: string;
  testId: string;
  handle: Ref<ScriptEditorHandle>;
}

export function ScriptEditor({ value, onChange, ariaLabel, placeholder: hint, testId, handle }: Props) {
  const reported = useRef(value);
  const report = useRef(onChange);
  report.current = onChange;

  const { host, view } = useEditorView(() =>
    EditorState.create({
      doc: value,
      extensions: [
        editableExtensions(),
        javascript(),
        javascriptLanguage.data.of({ autocomplete: pmCompletions }),
        autocompletion({ icons: false }),
        placeholder(hint),
        EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const text = u.state.doc.toString();
          if (text === reported.current) return;
          reported.current = text;
          report.current(text);
        }),
      ],
    }),
  );

  // A change from outside (a reload of the saved item, an undo of the whole draft) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (!v || value === reported.current) return;
    reported.current = value;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useImperativeHandle(handle, () => ({
    insert(code: string) {
      const v = view.current;
      if (!v) return;
      const pos = v.state.selection.main.head;
      const insert = snippetInsertion(v.state.doc.toString(), pos, code);
      v.dispatch({ changes: { from: pos, insert }, selection: { anchor: pos + insert.length }, scrollIntoView: true });
      v.focus();
    },
  }));

  return <div className="code-editor script-editor" ref={host} data-testid={testId} />;
}
