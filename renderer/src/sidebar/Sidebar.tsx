// The left sidebar: Collections, Environments, History, Specs.
import { Icon, type IconName } from '../common/Icon';
import { useUi, type SidebarPanel } from '../state/ui';
import { CollectionsPanel } from './CollectionsPanel';
import { EnvironmentsPanel } from './EnvironmentsPanel';
import { SpecsPanel } from '../specs/SpecsPanel';
import { HistoryPanel } from './HistoryPanel';

const PANELS: { key: SidebarPanel; label: string; icon: IconName }[] = [
  { key: 'collections', label: 'Collections', icon: 'layers' },
  { key: 'environments', label: 'Environments', icon: 'globe' },
  { key: 'history', label: 'History', icon: 'history' },
  { key: 'specs', label: 'Specs', icon: 'file' },
];

export function Sidebar() {
  const panel = useUi((s) => s.sidebarPanel);
  const setPanel = useUi((s) => s.setSidebarPanel);
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar panels">
        {PANELS.map((p) => (
          <button
            key={p.key}
            role="tab"
            id={`sidebar-tab-${p.key}`}
            aria-selected={panel === p.key}
            aria-controls="sidebar-panel"
            className={`sidebar-tab ${panel === p.key ? 'active' : ''}`}
            onClick={() => setPanel(p.key)}
          >
            <Icon name={p.icon} size={15} />
            <span>{p.label}</span>
          </button>
        ))}
      </div>
      <div id="sidebar-panel" role="tabpanel" aria-labelledby={`sidebar-tab-${panel}`} className="sidebar-panel">
        {panel === 'collections' && <CollectionsPanel />}
        {panel === 'environments' && <EnvironmentsPanel />}
        {panel === 'history' && <HistoryPanel />}
        {panel === 'specs' && <SpecsPanel />}
      </div>
    </aside>
  );
}
