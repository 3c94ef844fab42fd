// Pretty / Raw / Preview, line wrap, copy and save for the response body.
import { Icon } from '../common/Icon';
import { notify, notifyError } from '../state/toasts';

export type BodyMode = 'pretty' | 'raw' | 'preview';

interface Props {
  mode: BodyMode;
  onMode: (m: BodyMode) => void;
  canPreview: boolean;
  wrap: boolean;
  onWrap: (w: boolean) => void;
  getText: (() => string) | null;
  fileName: string;
  mime: string;
}

export function BodyToolbar({ mode, onMode, canPreview, wrap, onWrap, getText, fileName, mime }: Props) {
  const modes: BodyMode[] = canPreview ? ['pretty', 'raw', 'preview'] : ['pretty', 'raw'];
  return (
    <div className="body-toolbar">
      <div className="segmented" role="radiogroup" aria-label="Body view">
        {modes.map((m) => (
          <button key={m} role="radio" aria-checked={mode === m} className={mode === m ? 'active' : ''} onClick={() => onMode(m)}>
            {m === 'pretty' ? 'Pretty' : m === 'raw' ? 'Raw' : 'Preview'}
          </button>
        ))}
      </div>
      <div className="body-toolbar-right">
        <button className={`icon-button ${wrap ? 'active' : ''}`} aria-label="Wrap lines" aria-pressed={wrap} title="Wrap lines" onClick={() => onWrap(!wrap)}>
          <Icon name="wrap" size={15} />
        </button>
        {getText && (
          <>
            <button
              className="icon-button"
              aria-label="Copy body"
              title="Copy body"
              onClick={() =>
                navigator.clipboard
                  .writeText(getText())
                  .then(() => notify('Response body copied', 'success'))
                  .catch((err: unknown) => notifyError(err, 'Could not copy'))
              }
            >
              <Icon name="copy" size={15} />
            </button>
            <button className="icon-button" aria-label="Save body to a file" title="Save body to a file" onClick={() => download(getText(), fileName, mime)}>
              <Icon name="download" size={15} />
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function download(text: string, name: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime || 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
