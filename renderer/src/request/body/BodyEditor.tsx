// The Body section: pick a mode, then edit it.
import type { Body } from '../../../../shared/model';
import type { RequestTab } from '../../state/tabTypes';
import type { VariableContext } from '../../state/variables';
import { setBodyMode } from '../requestDraft';
import { BinaryBody } from './BinaryBody';
import { FormDataBody } from './FormDataBody';
import { RawBody, RawLanguageSelect, beautify } from './RawBody';
import { UrlEncodedBody } from './UrlEncodedBody';

const MODES: { mode: Body['mode']; label: string }[] = [
  { mode: 'none', label: 'none' },
  { mode: 'formdata', label: 'form-data' },
  { mode: 'urlencoded', label: 'x-www-form-urlencoded' },
  { mode: 'raw', label: 'raw' },
  { mode: 'binary', label: 'binary' },
];

export function BodyEditor({ tab, ctx }: { tab: RequestTab; ctx: VariableContext }) {
  const body = tab.draft.request.body;
  return (
    <div className="body-editor">
      <div className="body-modes">
        <div role="radiogroup" aria-label="Body type" className="radio-row">
          {MODES.map((m) => (
            <label key={m.mode} className={`radio ${body.mode === m.mode ? 'checked' : ''}`}>
              <input type="radio" name={`body-mode-${tab.id}`} checked={body.mode === m.mode} onChange={() => setBodyMode(tab.id, m.mode)} />
              {m.label}
            </label>
          ))}
        </div>
        {body.mode === 'raw' && (
          <div className="body-raw-tools">
            <RawLanguageSelect tabId={tab.id} language={body.language} />
            {body.language === 'json' && (
              <button className="link-button" onClick={() => beautify(tab.id, body.raw)}>
                Beautify
              </button>
            )}
          </div>
        )}
      </div>
      {body.mode === 'none' && <p className="empty-note">This request does not have a body.</p>}
      {body.mode === 'raw' && <RawBody tabId={tab.id} raw={body.raw} language={body.language} />}
      {body.mode === 'urlencoded' && <UrlEncodedBody tabId={tab.id} rows={body.urlencoded} ctx={ctx} />}
      {body.mode === 'formdata' && <FormDataBody tabId={tab.id} rows={body.formdata} ctx={ctx} />}
      {body.mode === 'binary' && <BinaryBody tabId={tab.id} body={body} />}
    </div>
  );
}
