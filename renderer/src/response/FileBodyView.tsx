// A body too large to keep in memory was streamed to a file: show the notice and read it in chunks.
import { useEffect, useMemo, useState } from 'react';
import { CodeViewer } from '../editor/CodeViewer';
import type { EditorLanguage } from '../editor/languages';
import { prettyJson } from '../util/prettyJson';
import { splitLongLines } from './useFormattedBody';
import { rpc } from '../rpc';
import { attempt } from '../state/toasts';
import { formatBytes } from '../util/format';

const CHUNK = 1024 * 1024;
const MAX_SHOWN = 16 * CHUNK;

interface Props {
  path: string;
  notice: string;
  wrap: boolean;
  pretty: boolean;
  language: EditorLanguage;
}

export function FileBodyView({ path, notice, wrap, pretty, language }: Props) {
  const [text, setText] = useState('');
  const [read, setRead] = useState(0);
  const [size, setSize] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (offset: number) => {
    setBusy(true);
    const chunk = await attempt(() => rpc['http.readBodyFile']({ path, offset, length: CHUNK }), 'Could not read the body file');
    setBusy(false);
    if (!chunk) return;
    setText((t) => (offset === 0 ? chunk.text : t + chunk.text));
    setRead(offset + chunk.bytesRead);
    setSize(chunk.size);
  };

  useEffect(() => {
    void load(0);
    // Reload only when the file changes.
  }, [path]);

  const shown = useMemo(() => splitLongLines(pretty && language === 'json' ? prettyJson(text) : text), [text, pretty, language]);

  return (
    <div className="file-body">
      <div className="info-bar" data-testid="body-file-notice" title={path}>
        <span>{notice}</span>
      </div>
      <div className="file-body-status">
        {size !== null && (
          <span className="muted">
            Showing the first {formatBytes(read)} of {formatBytes(size)}
          </span>
        )}
        {size !== null && read < size && read < MAX_SHOWN && (
          <button className="button small" disabled={busy} onClick={() => void load(read)}>
            {busy ? 'Reading…' : 'Load the next 1 MB'}
          </button>
        )}
      </div>
      <div className="viewer-host">
        <CodeViewer doc={shown.doc} language={pretty && !shown.splitLines ? language : 'text'} wrap={wrap} ariaLabel="Response body (first part)" />
      </div>
    </div>
  );
}
