// Method, URL (with {{variables}} coloured) and the Send / Cancel button.
import { useEffect, useRef } from 'react';
import { Icon } from '../common/Icon';
import { VariableInput } from '../common/VariableInput';
import { cancelTab, sendTab, useResponses } from '../state/responses';
import { saveTab } from '../state/tabActions';
import type { RequestTab } from '../state/tabTypes';
import type { VariableContext } from '../state/variables';
import { MethodSelect } from './MethodSelect';
import { pasteCurl } from './pasteCurl';
import { editRequest, setUrl } from './requestDraft';

export function UrlBar({ tab, ctx }: { tab: RequestTab; ctx: VariableContext }) {
  const sending = useResponses((s) => s.byTab[tab.id]?.sending ?? false);
  const input = useRef<HTMLInputElement>(null);
  const { request } = tab.draft;

  useEffect(() => {
    const focus = () => {
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('courier:focus-url', focus);
    return () => window.removeEventListener('courier:focus-url', focus);
  }, []);

  return (
    <div className="url-bar">
      <div className="url-group">
        <MethodSelect method={request.method} onChange={(method) => editRequest(tab.id, (r) => ({ ...r, method }))} />
        <VariableInput
          ref={input}
          className="url-input"
          testId="url-input"
          variableTestId="url-variable"
          aria-label="Request URL"
          placeholder="Enter a URL or paste text, e.g. https://api.example.com/users?page=1"
          value={request.url}
          ctx={ctx}
          // A blank new tab starts in the URL; a saved request opened from the tree leaves focus
          // there, so the tree's keys (F2, Delete, arrows) keep working after a click.
          autoFocus={!request.url && !tab.itemId}
          onValueChange={(url) => setUrl(tab.id, url)}
          onPaste={(e) => {
            if (pasteCurl(tab.id, e.clipboardData.getData('text/plain'))) e.preventDefault();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              void sendTab(tab.id);
            }
          }}
        />
      </div>
      {sending ? (
        <button className="button send-button cancel" data-testid="send-button" aria-label="Cancel request" onClick={() => void cancelTab(tab.id)}>
          <span className="spinner" aria-hidden="true" />
          Cancel
        </button>
      ) : (
        <button className="button primary send-button" data-testid="send-button" aria-label="Send request" onClick={() => void sendTab(tab.id)}>
          <Icon name="send" size={15} />
          Send
        </button>
      )}
      <button
        className="button save-button"
        aria-label="Save request"
        data-testid="save-button"
        title={tab.itemId ? 'Save (Ctrl+S)' : 'Save into a collection (Ctrl+S)'}
        onClick={() => void saveTab(tab.id)}
      >
        Save{tab.dirty ? <span className="dirty-dot inline" aria-hidden="true" /> : null}
      </button>
    </div>
  );
}
