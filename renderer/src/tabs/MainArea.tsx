// The main area: the tab bar, then the active tab's editor — for requests, the request editor
// above the response viewer with a draggable split.
import { Split } from '../common/Split';
import { ContainerView } from '../container/ContainerView';
import { DocsView } from '../docs/DocsView';
import { EnvironmentView } from '../environments/EnvironmentView';
import { MocksView } from '../mocks/MocksView';
import { RequestEditor } from '../request/RequestEditor';
import { ResponsePane } from '../response/ResponsePane';
import { RunnerView } from '../runner/RunnerView';
import { SpecView } from '../specs/SpecView';
import { useTabs } from '../state/tabs';
import { EmptyState } from './EmptyState';
import { TabBar } from './TabBar';

export function MainArea() {
  const tab = useTabs((s) => s.tabs.find((t) => t.id === s.activeId));
  return (
    <main className="main-area">
      <TabBar />
      <div className="tab-content">
        {!tab && <EmptyState />}
        {tab?.kind === 'request' && (
          <Split
            key={tab.id}
            direction="vertical"
            storageKey="courier.split.request"
            initial={Math.max(300, Math.round(window.innerHeight * 0.42))}
            min={140}
            label="Resize request and response"
            first={<RequestEditor tab={tab} />}
            second={<ResponsePane tabId={tab.id} />}
          />
        )}
        {tab?.kind === 'container' && <ContainerView key={tab.id} tab={tab} />}
        {tab?.kind === 'environment' && <EnvironmentView key={tab.id} tab={tab} />}
        {tab?.kind === 'runner' && <RunnerView key={tab.id} tab={tab} />}
        {tab?.kind === 'docs' && <DocsView key={tab.id} tab={tab} />}
        {tab?.kind === 'spec' && <SpecView key={tab.id} tab={tab} />}
        {tab?.kind === 'mocks' && <MocksView key={tab.id} tab={tab} />}
      </div>
    </main>
  );
}
