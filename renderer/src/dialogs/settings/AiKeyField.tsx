// The provider's API key: only its masked form (first-4…last-4) from the main process is shown;
// a new key is typed into an uncontrolled password box (so it is never an attribute in the page)
// and stored at once; Remove forgets it.
import { useRef, useState } from 'react';
import { confirm } from '../../state/dialogs';
import { useAiSettings } from '../../state/aiSettings';
import { notify } from '../../state/toasts';

export function AiKeyField() {
  const masked = useAiSettings((s) => s.view?.keyMasked ?? null);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [hasText, setHasText] = useState(false);

  const store = async () => {
    const key = input.current?.value.trim() ?? '';
    if (!key || busy) return;
    setBusy(true);
    const ok = await useAiSettings.getState().setKey(key);
    setBusy(false);
    if (!ok) return;
    if (input.current) input.current.value = '';
    setHasText(false);
    notify('API key stored', 'success');
  };

  const remove = async () => {
    if (!(await confirm('Remove API key', 'Forget the stored API key? Agent Mode stops working until you enter one again.', 'Remove'))) return;
    setBusy(true);
    const ok = await useAiSettings.getState().setKey(null);
    setBusy(false);
    if (ok) notify('API key removed', 'success');
  };

  return (
    <div className="setting-row">
      <span>
        <label htmlFor="ai-key-input">
          <strong>API key</strong>
        </label>
        <small>
          Stored encrypted on this computer; never shown again in full.{' '}
          <span data-testid="ai-key-masked">{masked ? `Current key: ${masked}` : 'No key stored.'}</span>
        </small>
      </span>
      <div className="ai-key-row">
        <input
          ref={input}
          id="ai-key-input"
          className="input small"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={masked ? 'Replace the key' : 'Paste your API key'}
          onChange={(e) => setHasText(e.target.value.trim() !== '')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void store();
            }
          }}
        />
        <button type="button" className="button small" disabled={!hasText || busy} onClick={() => void store()}>
          {masked ? 'Replace key' : 'Save key'}
        </button>
        {masked && (
          <button type="button" className="button small danger" disabled={busy} onClick={() => void remove()}>
            Remove key
          </button>
        )}
      </div>
    </div>
  );
}
