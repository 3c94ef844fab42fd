// The one CodeMirror view of an editor component: created in the host element on mount (from
// `initialState`, or empty) and destroyed on unmount. Later prop changes are the caller's to apply
// through `view.current`, in effects declared after this hook (so the view exists when they run).
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';

export function useEditorView(initialState?: () => EditorState) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);

  useEffect(() => {
    const v = new EditorView({ parent: host.current!, state: initialState?.() });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is created once per mount.
  }, []);

  return { host, view };
}
