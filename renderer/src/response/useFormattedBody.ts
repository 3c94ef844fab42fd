// The document shown for a text body in Pretty or Raw mode. Small bodies are formatted at once;
// large ones after a paint (so "Formatting…" shows), and never on every keystroke elsewhere.
// Lines longer than LONG_LINE are split for display: CodeMirror virtualises lines, not
// characters within a line, so one 50 MB line would freeze the view. Copy/Save keep the original.
import { useEffect, useMemo, useState } from 'react';
import type { EditorLanguage } from '../editor/languages';
import { prettyJson } from '../util/prettyJson';

const SYNC_LIMIT = 1_000_000;
const LONG_LINE = 10_000;

export interface FormattedBody {
  doc: string;
  splitLines: boolean;
}

export function splitLongLines(text: string): FormattedBody {
  let start = 0;
  let needed = false;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > LONG_LINE) {
      needed = true;
      break;
    }
    start = end + 1;
  }
  if (!needed) return { doc: text, splitLines: false };
  const out: string[] = [];
  start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    for (let i = start; i < end; i += LONG_LINE) out.push(text.slice(i, Math.min(end, i + LONG_LINE)));
    if (end === start) out.push('');
    start = end + 1;
  }
  return { doc: out.join('\n'), splitLines: true };
}

function format(text: string, language: EditorLanguage, pretty: boolean, invalid: boolean): FormattedBody {
  const doc = pretty && language === 'json' && !invalid ? prettyJson(text) : text;
  return splitLongLines(doc);
}

export function useFormattedBody(text: string, language: EditorLanguage, pretty: boolean, invalid: boolean): FormattedBody | null {
  const small = text.length < SYNC_LIMIT;
  const now = useMemo(() => (small ? format(text, language, pretty, invalid) : null), [small, text, language, pretty, invalid]);
  const [later, setLater] = useState<{ text: string; pretty: boolean; body: FormattedBody } | null>(null);

  useEffect(() => {
    if (small) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const body = format(text, language, pretty, invalid);
      if (!cancelled) setLater({ text, pretty, body });
    }, 16);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [small, text, language, pretty, invalid]);

  if (small) return now;
  return later && later.text === text && later.pretty === pretty ? later.body : null;
}
