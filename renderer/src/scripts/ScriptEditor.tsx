// One script in the app's code editor (CodeMirror 6): JavaScript highlighting, `pm.` completion
// with docs (pm-completions.ts) and an insert-at-cursor handle for the snippets list.
import { autocompletion } from '@codemirror/autocomplete';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import type { EditorView } from '@codemirror/view';
import { useImperativeHandle, useRef, type Ref } from 'react';
import { CodeEditor } from '../editor/CodeEditor';
import { pmCompletions } from '../editor/pm-completions';
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

const SCRIPT_EXTENSIONS = [javascriptLanguage.data.of({ autocomplete: pmCompletions }), autocompletion({ icons: false })];

export function ScriptEditor({ handle, ...editor }: Props) {
  const view = useRef<EditorView | null>(null);
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
  return <CodeEditor {...editor} language="javascript" extensions={SCRIPT_EXTENSIONS} viewRef={view} />;
}
