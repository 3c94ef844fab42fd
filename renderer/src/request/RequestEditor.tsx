// The request builder of one tab: URL bar, then Params / Headers / Body / Auth / Scripts / Settings.
import { TabPanel, TabStrip, type TabSpec } from '../common/TabStrip';
import { DescriptionEditor } from '../docs/DescriptionEditor';
import { ExamplesPanel } from '../docs/ExamplesPanel';
import { updateRequestDraft, useTabs } from '../state/tabs';
import type { RequestSection, RequestTab } from '../state/tabTypes';
import { useVariableContext } from '../state/variables';
import { NO_SCRIPTS, scriptCount } from '../scripts/scriptKinds';
import { ScriptsPanel } from '../scripts/ScriptsPanel';
import { AuthEditor } from './auth/AuthEditor';
import { BodyEditor } from './body/BodyEditor';
import { CodeSnippetPanel } from './CodeSnippetPanel';
import { HeadersTable } from './HeadersTable';
import { ParamsTable } from './ParamsTable';
import { editRequest, setScript } from './requestDraft';
import { RequestTitle } from './RequestTitle';
import { SettingsPanel } from './SettingsPanel';
import { UrlBar } from './UrlBar';

export function RequestEditor({ tab }: { tab: RequestTab }) {
  const ctx = useVariableContext(tab.itemId);
  const r = tab.draft.request;
  const enabled = (rows: { enabled?: boolean; key: string }[]) => rows.filter((x) => x.enabled !== false && x.key).length;
  const sections: TabSpec<RequestSection>[] = [
    { key: 'params', label: 'Params', count: enabled(r.params) },
    { key: 'headers', label: 'Headers', count: enabled(r.headers) },
    { key: 'body', label: r.body.mode === 'none' ? 'Body' : <>Body<span className="tab-dot" aria-label="(has body)" /></> },
    { key: 'auth', label: r.auth.type === 'inherit' || r.auth.type === 'none' ? 'Auth' : <>Auth<span className="tab-dot" aria-label="(set)" /></> },
    { key: 'scripts', label: 'Scripts', count: scriptCount(tab.draft.scripts) },
    { key: 'settings', label: 'Settings' },
    { key: 'docs', label: 'Docs' },
    { key: 'code', label: 'Code' },
  ];
  const setSection = (section: RequestSection) =>
    useTabs.getState().replace(tab.id, (t) => (t.kind === 'request' ? { ...t, section } : t));
  const prefix = `req-${tab.id}`;

  return (
    <div className="request-editor">
      <RequestTitle tab={tab} />
      <UrlBar tab={tab} ctx={ctx} />
      <TabStrip tabs={sections} active={tab.section} onChange={setSection} label="Request sections" idPrefix={prefix} />
      <div className="request-sections">
        <TabPanel idPrefix={prefix} tabKey="params" active={tab.section === 'params'}>
          <ParamsTable tab={tab} ctx={ctx} />
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="headers" active={tab.section === 'headers'}>
          <HeadersTable tab={tab} ctx={ctx} />
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="body" active={tab.section === 'body'} className="fill">
          {tab.section === 'body' && <BodyEditor tab={tab} ctx={ctx} />}
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="auth" active={tab.section === 'auth'}>
          <AuthEditor
            auth={r.auth}
            ctx={ctx}
            itemId={tab.itemId}
            allowInherit
            onChange={(auth) => editRequest(tab.id, (x) => ({ ...x, auth }))}
          />
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="scripts" active={tab.section === 'scripts'} className="fill">
          {tab.section === 'scripts' && (
            <ScriptsPanel scripts={tab.draft.scripts ?? NO_SCRIPTS} onChange={(kind, code) => setScript(tab.id, kind, code)} owner="request" idPrefix={prefix} />
          )}
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="settings" active={tab.section === 'settings'}>
          <SettingsPanel tab={tab} />
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="docs" active={tab.section === 'docs'}>
          {tab.section === 'docs' && (
            <div className="section-pad docs-section">
              <DescriptionEditor
                value={tab.draft.description ?? ''}
                onChange={(description) => updateRequestDraft(tab.id, (d) => ({ ...d, description }))}
                what="request"
                idPrefix={prefix}
              />
              <ExamplesPanel tabId={tab.id} requestId={tab.itemId} />
            </div>
          )}
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="code" active={tab.section === 'code'}>
          {tab.section === 'code' && <CodeSnippetPanel tab={tab} />}
        </TabPanel>
      </div>
    </div>
  );
}
