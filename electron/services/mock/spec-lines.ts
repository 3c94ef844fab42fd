// Where a JSON pointer of a spec is in its text (1-based line), so a problem can say "line 12".
// JSON is YAML, so one YAML parse with a line counter serves both formats.
import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import { pointerTokens } from '../formats/openapi/pointer.js';

export type LineOf = (pointer: string) => number | undefined;

export function lineLocator(text: string): LineOf {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument> | undefined;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch {
    doc = undefined;
  }
  return (pointer) => {
    const tokens = pointerTokens(pointer);
    if (!doc || !tokens) return undefined;
    // The deepest node the pointer reaches (a pointer past the end names its nearest parent).
    for (let n = tokens.length; n >= 0; n--) {
      const node: unknown = doc.getIn(tokens.slice(0, n), true);
      if (isNode(node) && (node as Node).range) return lineCounter.linePos((node as Node).range![0]).line;
    }
    return undefined;
  };
}
