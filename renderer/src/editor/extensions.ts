// The extension sets shared by the editable editor and the read-only viewer.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, foldService, indentOnInput } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import type { Extension } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';
import { editorHighlighting, editorTheme } from './theme';

const foldMarker = () => {
  const span = document.createElement('span');
  return span;
};

const gutter = foldGutter({
  markerDOM: (open) => {
    const el = foldMarker();
    el.className = open ? 'cm-fold-open' : 'cm-fold-closed';
    el.textContent = open ? '▾' : '▸';
    el.title = open ? 'Fold' : 'Unfold';
    return el;
  },
});

/** What the editor and the viewer both have: line numbers and a fold gutter, the selection,
 *  bracket matching, search (with matches of the selection marked), and the app's theme. */
function baseExtensions(): Extension[] {
  return [lineNumbers(), gutter, drawSelection(), bracketMatching(), highlightSelectionMatches(), search({ top: true }), editorTheme, editorHighlighting];
}

export function editableExtensions(): Extension[] {
  return [
    baseExtensions(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    indentOnInput(),
    variableHighlighter,
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab]),
  ];
}

export function viewerExtensions(): Extension[] {
  return [baseExtensions(), keymap.of([...searchKeymap, ...foldKeymap, ...defaultKeymap])];
}

/** Folding by indentation, for large documents shown without a parser. Bounded per line. */
const MAX_FOLD_SCAN = 50_000;
export const indentFolding = foldService.of((state, lineStart) => {
  const line = state.doc.lineAt(lineStart);
  const indent = leading(line.text);
  if (indent < 0) return null;
  let last = line.number;
  const end = Math.min(state.doc.lines, line.number + MAX_FOLD_SCAN);
  for (let n = line.number + 1; n <= end; n++) {
    const text = state.doc.line(n).text;
    const ind = leading(text);
    if (ind < 0) continue;
    if (ind > indent) last = n;
    else break;
  }
  if (last === line.number) return null;
  return { from: line.to, to: state.doc.line(last).to };
});

function leading(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return i;
  }
  return -1;
}

/** Marks {{variables}} in editor text. */
const matcher = new MatchDecorator({
  regexp: /\{\{\s*[^{}]+?\s*\}\}/g,
  decoration: Decoration.mark({ class: 'cm-courier-var' }),
});

const variableHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = matcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);
