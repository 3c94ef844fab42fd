// The "Scripts" section of a request, folder or collection: Pre-request and Post-response (tests)
// editors, and beside them Postman's snippets list, which inserts at the cursor.
import { useRef, useState } from 'react';
import type { Scripts } from '../../../shared/model';
import { TabStrip } from '../common/TabStrip';
import { SCRIPT_KINDS, type ScriptKind } from './scriptKinds';
import { ScriptEditor, type ScriptEditorHandle } from './ScriptEditor';
import { snippetsFor } from './snippets';

interface Props {
  scripts: Scripts;
  onChange: (kind: ScriptKind, code: string) => void;
  /** What the scripts belong to, for the notes: "request", "folder", "collection". */
  owner: string;
  idPrefix: string;
}

const NOTES: Record<ScriptKind, (owner: string) => string> = {
  prerequest: (owner) =>
    owner === 'request'
      ? 'Runs before the request is sent, after the collection’s and folders’ pre-request scripts. pm.request changes are sent.'
      : `Runs before every request in this ${owner}, before the scripts below it.`,
  test: (owner) =>
    owner === 'request'
      ? 'Runs after the response arrives, after the collection’s and folders’ test scripts. Results show in the response’s Tests tab.'
      : `Runs after every response in this ${owner}, before the scripts below it.`,
};

export function ScriptsPanel({ scripts, onChange, owner, idPrefix }: Props) {
  const [kind, setKind] = useState<ScriptKind>('prerequest');
  const editor = useRef<ScriptEditorHandle>(null);
  const label = SCRIPT_KINDS.find((k) => k.kind === kind)!.label;
  const prefix = `${idPrefix}-scripts`;
  return (
    <div className="scripts-panel">
      <TabStrip<ScriptKind>
        tabs={SCRIPT_KINDS.map(({ kind: k, label: l }) => ({ key: k, label: scripts[k].trim() ? <>{l}<span className="tab-dot" aria-label="(has code)" /></> : l, ariaLabel: l }))}
        active={kind}
        onChange={setKind}
        label="Scripts"
        idPrefix={prefix}
        trailing={
          <span className="scripts-note" title={NOTES[kind](owner)}>
            {NOTES[kind](owner)}
          </span>
        }
      />
      <div className="scripts-body" role="tabpanel" id={`${prefix}-panel-${kind}`} aria-labelledby={`${prefix}-tab-${kind}`}>
        <ScriptEditor
          key={kind}
          handle={editor}
          value={scripts[kind]}
          onChange={(code) => onChange(kind, code)}
          ariaLabel={`${label} script`}
          placeholder={kind === 'test' ? 'pm.test("Status code is 200", () => pm.response.to.have.status(200));' : 'pm.environment.set("token", "…");'}
          testId={`script-editor-${kind}`}
        />
        <aside className="snippets" aria-label="Snippets">
          <h3 className="snippets-title">Snippets</h3>
          <ul>
            {snippetsFor(kind).map((s) => (
              <li key={s.name}>
                <button type="button" className="snippet" title={s.code} onClick={() => editor.current?.insert(s.code)}>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
