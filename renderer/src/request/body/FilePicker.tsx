// A button that opens the file picker, stores the file and reports it.
import { useRef, useState } from 'react';
import { Icon } from '../../common/Icon';
import { formatBytes } from '../../util/format';
import { storePickedFile, type StoredFile } from './storeFile';

interface Props {
  fileName?: string;
  onPicked: (file: StoredFile) => void;
  label: string;
}

export function FilePicker({ fileName, onPicked, label }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [size, setSize] = useState<number | null>(null);
  return (
    <span className="file-picker">
      <input
        ref={input}
        type="file"
        hidden
        aria-label={label}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          const stored = await storePickedFile(file);
          setBusy(false);
          if (stored) {
            setSize(stored.size);
            onPicked(stored);
          }
        }}
      />
      <button className="button small" onClick={() => input.current?.click()} disabled={busy}>
        <Icon name="file" size={14} />
        {busy ? 'Reading…' : fileName ? 'Replace file' : 'Select file'}
      </button>
      {fileName && (
        <span className="file-name" title={fileName}>
          {fileName}
          {size !== null && <span className="muted"> · {formatBytes(size)}</span>}
        </span>
      )}
    </span>
  );
}
