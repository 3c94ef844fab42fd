// A spec's problems as CodeMirror lint diagnostics: each starts at its line and column (clamped to
// the document as it is now) and runs to the end of that line.
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { SpecProblem } from '../../../shared/contract-design';

/** The document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return l.from + Math.min(Math.max(0, column - 1), l.length);
}

export function problemsToDiagnostics(doc: Text, problems: SpecProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const from = offsetOf(doc, p.line, p.column);
    const lineEnd = doc.lineAt(from).to;
    return {
      from,
      to: lineEnd > from ? lineEnd : Math.min(from + 1, doc.length),
      severity: p.severity,
      message: p.path ? `${p.message} (${p.path})` : p.message,
    };
  });
}
