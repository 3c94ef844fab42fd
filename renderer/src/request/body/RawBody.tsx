// Raw body: a CodeMirror editor with highlighting for the chosen language, and Beautify for JSON.
import type { RawLanguage } from '../../../../shared/model';
import { CodeEditor } from '../../editor/CodeEditor';
import { notifyError } from '../../state/toasts';
import { isValidJson, prettyJson } from '../../util/prettyJson';
import { editRequest } from '../requestDraft';

const LANGUAGES: { value: RawLanguage; label: string }[] = [
  { value: 'json', label: 'JSON' },
  { value: 'text', label: 'Text' },
  { value: 'xml', label: 'XML' },
  { value: 'html', label: 'HTML' },
  { value: 'javascript', label: 'JavaScript' },
];

export function RawLanguageSelect({ tabId, language }: { tabId: string; language: RawLanguage }) {
  return (
    <select
      className="select small"
      aria-label="Raw body language"
      value={language}
      onChange={(e) =>
        editRequest(tabId, (r) => (r.body.mode === 'raw' ? { ...r, body: { ...r.body, language: e.target.value as RawLanguage } } : r))
      }
    >
      {LANGUAGES.map((l) => (
        <option key={l.value} value={l.value}>
          {l.label}
        </option>
      ))}
    </select>
  );
}

export function beautify(tabId: string, raw: string): void {
  if (!isValidJson(raw)) {
    notifyError(new Error('The body is not valid JSON, so it was left as it is.'));
    return;
  }
  editRequest(tabId, (r) => (r.body.mode === 'raw' ? { ...r, body: { ...r.body, raw: prettyJson(raw) } } : r));
}

export function RawBody({ tabId, raw, language }: { tabId: string; raw: string; language: RawLanguage }) {
  return (
    <div className="raw-body">
      <CodeEditor
        value={raw}
        language={language}
        ariaLabel="Request body"
        testId="body-editor"
        placeholder={language === 'json' ? '{\n  "name": "value"\n}' : 'Request body'}
        onChange={(text) => editRequest(tabId, (r) => (r.body.mode === 'raw' ? { ...r, body: { ...r.body, raw: text } } : r))}
      />
    </div>
  );
}
