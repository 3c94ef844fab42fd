// Where a place in a spec's text is: a JSON pointer → 1-based line and column. Only asked for when
// there are problems to place, so the text is parsed for positions lazily, once: JSON with
// jsonc-parser (a fast scanner that keeps offsets), YAML with the `yaml` package's parseDocument
// (every node keeps its range). A pointer to something absent lands on its nearest parent.
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

type Locator = (tokens: readonly string[]) => number;

export class SourcePositions {
  private locator: Locator | undefined;
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly syntax: 'json' | 'yaml',
  ) {}

  /** The line and column of an offset in the text. */
  offset(offset: number): Position {
    this.lineStarts ??= lineStartsOf(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /**
   * Where the thing at `tokens` is written: the key that holds it (`info:` rather than the first
   * line inside it), or the item of a list.
   */
  at(tokens: readonly string[]): Position {
    if (!this.locator) {
      try {
        this.locator = this.syntax === 'json' ? jsonLocator(this.text) : yamlLocator(this.text);
      } catch {
        this.locator = () => 0; // nested too deeply for the parser: everything is placed at the start
      }
    }
    return this.offset(this.locator(tokens));
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function jsonLocator(text: string): Locator {
  const root = parseTree(text);
  return (tokens) => {
    let node: JsonNode | undefined = root;
    let offset = root?.offset ?? 0;
    for (const token of tokens) {
      if (node?.type === 'object') {
        const property: JsonNode | undefined = node.children?.find((p) => p.children?.[0]?.value === token);
        if (!property) break;
        offset = property.offset;
        node = property.children?.[1];
      } else if (node?.type === 'array' && /^\d+$/.test(token)) {
        const item: JsonNode | undefined = node.children?.[Number(token)];
        if (!item) break;
        offset = item.offset;
        node = item;
      } else break;
    }
    return offset;
  };
}

function yamlLocator(text: string): Locator {
  const doc: Document.Parsed = parseDocument(text, { prettyErrors: false, uniqueKeys: false, merge: true });
  return (tokens) => {
    let node: unknown = doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const token of tokens) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === token);
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(token)) {
        const item: unknown = node.items[Number(token)];
        if (item === undefined) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      } else break;
    }
    return offset;
  };
}

function rangeStart(node: unknown): number | undefined {
  const range = typeof node === 'object' && node !== null ? (node as { range?: unknown }).range : undefined;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}
