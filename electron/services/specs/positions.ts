// Where a place in a spec's text is: a JSON pointer → 1-based line and column, for YAML and JSON
// alike (the `yaml` package parses both and keeps each node's offset; its LineCounter turns an
// offset into a line and column). A pointer to something absent lands on its nearest parent.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

/** A parsed text with its line counter, made once per text and reused for every lookup. */
export interface ParsedSource {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Parses a text keeping every node's position; throws only on a RangeError (nesting too deep for the parser). */
export function parseSource(text: string): ParsedSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

export class SourcePositions {
  private source: ParsedSource | null | undefined;

  /** `source`: the text already parsed (YAML); otherwise the text is parsed on the first lookup. */
  constructor(
    private readonly text: string,
    source?: ParsedSource,
  ) {
    this.source = source;
  }

  /** The line and column of an offset in the text. */
  offset(offset: number): Position {
    const source = this.parsed();
    if (source) {
      const { line, col } = source.lines.linePos(offset);
      return { line, column: col };
    }
    const before = this.text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  }

  /**
   * Where the thing at `tokens` is written: the key that holds it (`info:` rather than the first
   * line inside it), or the item of a list; the nearest parent that exists when it is absent.
   */
  at(tokens: readonly string[]): Position {
    const source = this.parsed();
    if (!source) return START;
    let node: unknown = source.doc.contents;
    let offset = isNodeWithRange(node) ? node.range[0] : 0;
    for (const token of tokens) {
      if (isAlias(node)) node = node.resolve(source.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === token);
        if (!pair) break;
        if (isNodeWithRange(pair.key)) offset = pair.key.range[0];
        node = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(token)) {
        const item = node.items[Number(token)];
        if (item === undefined) break;
        if (isNodeWithRange(item)) offset = item.range[0];
        node = item;
      } else break;
    }
    return this.offset(offset);
  }

  private parsed(): ParsedSource | null {
    if (this.source === undefined) {
      try {
        this.source = parseSource(this.text);
      } catch {
        this.source = null; // nested too deeply for the parser: everything is placed at the start
      }
    }
    return this.source;
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function isNodeWithRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}
