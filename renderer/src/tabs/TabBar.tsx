// The open tabs: method badge, name, a dot for unsaved changes (× on hover), "+" for a new one.
// Middle-click closes; tabs can be dragged to reorder.
import { useState } from 'react';
import { Icon } from '../common/Icon';
import { closeTab, openNewRequest } from '../state/tabActions';
import { useTabs } from '../state/tabs';
import { tabTitle, type Tab } from '../state/tabTypes';
import { methodClass, methodLabel } from '../util/methods';

function TabIcon({ tab }: { tab: Tab }) {
  if (tab.kind === 'request') {
    const m = tab.draft.request.method;
    return <span className={`method-badge small ${methodClass(m)}`}>{methodLabel(m)}</span>;
  }
  if (tab.kind === 'environment') return <Icon name="globe" size={14} className="tab-kind-icon" />;
  if (tab.kind === 'runner') return <Icon name="play" size={14} className="tab-kind-icon" />;
  if (tab.kind === 'docs') return <Icon name="layers" size={14} className="tab-kind-icon" />;
  if (tab.kind === 'spec') return <Icon name="file" size={14} className="tab-kind-icon" />;
  if (tab.kind === 'mocks') return <Icon name="globe" size={14} className="tab-kind-icon" />;
  return <Icon name={tab.itemKind === 'collection' ? 'layers' : 'folder'} size={14} className="tab-kind-icon" />;
}

export function TabBar() {
  const tabs = useTabs((s) => s.tabs);
  const activeId = useTabs((s) => s.activeId);
  const [dragId, setDragId] = useState<string | null>(null);

  return (
    <div className="tabbar">
      <div className="tabbar-tabs" role="tablist" aria-label="Open requests" data-testid="tabbar" onDoubleClick={(e) => e.target === e.currentTarget && openNewRequest()}>
        {tabs.map((tab, index) => {
          const title = tabTitle(tab);
          const active = tab.id === activeId;
          return (
            <div
              key={tab.id}
              role="tab"
              aria-selected={active}
              aria-label={`${title}${tab.dirty ? ' (unsaved changes)' : ''}`}
              tabIndex={active ? 0 : -1}
              data-testid="request-tab"
              data-dirty={tab.dirty ? 'true' : 'false'}
              className={`tab ${active ? 'active' : ''} ${tab.dirty ? 'dirty' : ''} ${tab.kind === 'request' && !tab.itemId ? 'unsaved' : ''}`}
              title={title}
              draggable
              onClick={() => useTabs.getState().activate(tab.id)}
              onAuxClick={(e) => {
                if (e.button === 1) {
                  e.preventDefault();
                  void closeTab(tab.id);
                }
              }}
              onKeyDown={(e) => {
                if (e.key === 'Delete') void closeTab(tab.id);
              }}
              onDragStart={(e) => {
                setDragId(tab.id);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', title);
              }}
              onDragOver={(e) => {
                if (dragId && dragId !== tab.id) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragId) useTabs.getState().move(dragId, index);
                setDragId(null);
              }}
              onDragEnd={() => setDragId(null)}
            >
              <TabIcon tab={tab} />
              <span className="tab-title">{title}</span>
              <span className="tab-end">
                {tab.dirty && <span className="dirty-dot" data-testid="dirty-dot" aria-hidden="true" />}
                <button
                  className="tab-close"
                  aria-label={`Close ${title}`}
                  tabIndex={-1}
                  onClick={(e) => {
                    e.stopPropagation();
                    void closeTab(tab.id);
                  }}
                >
                  <Icon name="x" size={12} />
                </button>
              </span>
            </div>
          );
        })}
      </div>
      <button className="icon-button tabbar-new" aria-label="New request tab" title="New request (Ctrl+T)" onClick={openNewRequest}>
        <Icon name="plus" />
      </button>
    </div>
  );
}
