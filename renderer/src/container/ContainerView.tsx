// A collection or folder opened in a tab: name, description, the auth its requests inherit and,
// for collections, its variables; and its pre-request and test scripts.
import { useState } from 'react';
import { TabPanel, TabStrip } from '../common/TabStrip';
import { VariablesTable } from '../environments/VariablesTable';
import { AuthEditor } from '../request/auth/AuthEditor';
import { saveTab } from '../state/tabActions';
import { updateContainerDraft } from '../state/tabs';
import type { ContainerTab } from '../state/tabTypes';
import { countDescendants, useTree } from '../state/tree';
import { useVariableContext } from '../state/variables';
import { createItem } from '../sidebar/treeActions';
import { Icon } from '../common/Icon';
import { NO_SCRIPTS, scriptCount } from '../scripts/scriptKinds';
import { ScriptsPanel } from '../scripts/ScriptsPanel';
import { openRunner } from '../runner/runnerActions';
import { DescriptionEditor } from '../docs/DescriptionEditor';
import { openDocs } from '../docs/docsActions';

type Section = 'overview' | 'auth' | 'variables' | 'scripts';

export function ContainerView({ tab }: { tab: ContainerTab }) {
  const [section, setSection] = useState<Section>('overview');
  const ctx = useVariableContext(tab.itemId);
  const children = useTree((s) => s.children);
  const counts = countDescendants(tab.itemId, children);
  const d = tab.draft;
  const prefix = `ctr-${tab.id}`;
  const sections: { key: Section; label: string; count?: number }[] = [
    { key: 'overview', label: 'Docs' },
    { key: 'auth', label: 'Auth' },
  ];
  if (tab.itemKind === 'collection') sections.push({ key: 'variables', label: 'Variables', count: d.variables.length });
  sections.push({ key: 'scripts', label: 'Scripts', count: scriptCount(d.scripts) });

  return (
    <div className="container-view" data-testid={`${tab.itemKind}-view`}>
      <header className="container-header">
        <Icon name={tab.itemKind === 'collection' ? 'layers' : 'folder'} size={20} />
        <input
          className="container-name"
          aria-label={`${tab.itemKind === 'collection' ? 'Collection' : 'Folder'} name`}
          value={d.name}
          onChange={(e) => updateContainerDraft(tab.id, (x) => ({ ...x, name: e.target.value }))}
        />
        <span className="muted">
          {counts.folders} folder{counts.folders === 1 ? '' : 's'} · {counts.requests} request{counts.requests === 1 ? '' : 's'}
        </span>
        <div className="grow" />
        <button className="button" onClick={() => void createItem('request', tab.itemId)}>
          <Icon name="plus" size={14} /> Add request
        </button>
        <button className="button" aria-label={`Run ${tab.itemKind}`} onClick={() => openRunner(tab.itemId)}>
          Run
        </button>
        {tab.itemKind === 'collection' && (
          <button className="button" aria-label="Open the collection's docs" onClick={() => openDocs(tab.itemId)}>
            Docs
          </button>
        )}
        <button className="button primary" aria-label={`Save ${tab.itemKind}`} disabled={!tab.dirty} onClick={() => void saveTab(tab.id)}>
          Save
        </button>
      </header>
      <TabStrip tabs={sections} active={section} onChange={setSection} label={`${tab.itemKind} sections`} idPrefix={prefix} />
      <div className="container-sections">
        <TabPanel idPrefix={prefix} tabKey="overview" active={section === 'overview'}>
          <div className="section-pad">
            <DescriptionEditor
              value={d.description}
              onChange={(description) => updateContainerDraft(tab.id, (x) => ({ ...x, description }))}
              what={tab.itemKind}
              idPrefix={prefix}
            />
          </div>
        </TabPanel>
        <TabPanel idPrefix={prefix} tabKey="auth" active={section === 'auth'}>
          <p className="section-note">
            Requests in this {tab.itemKind} that use “Inherit auth from parent” send this auth.
          </p>
          <AuthEditor
            auth={d.auth}
            ctx={ctx}
            itemId={tab.itemId}
            allowInherit={tab.itemKind === 'folder'}
            onChange={(auth) => updateContainerDraft(tab.id, (x) => ({ ...x, auth }))}
          />
        </TabPanel>
        {tab.itemKind === 'collection' && (
          <TabPanel idPrefix={prefix} tabKey="variables" active={section === 'variables'}>
            <div className="section-pad">
              <p className="section-note">Collection variables are used by its requests; the active environment overrides them.</p>
              <VariablesTable
                label="Collection variables"
                testId="collection-variables"
                variables={d.variables}
                onChange={(variables) => updateContainerDraft(tab.id, (x) => ({ ...x, variables }))}
              />
            </div>
          </TabPanel>
        )}
        <TabPanel idPrefix={prefix} tabKey="scripts" active={section === 'scripts'} className="fill">
          {section === 'scripts' && (
            <ScriptsPanel
              scripts={d.scripts ?? NO_SCRIPTS}
              onChange={(kind, code) => updateContainerDraft(tab.id, (x) => ({ ...x, scripts: { ...(x.scripts ?? NO_SCRIPTS), [kind]: code } }))}
              owner={tab.itemKind}
              idPrefix={prefix}
            />
          )}
        </TabPanel>
      </div>
    </div>
  );
}
