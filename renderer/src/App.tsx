// The window: top bar, sidebar | main area, plus dialogs, menus and toasts.
import { AgentDock } from './agent/AgentDock';
import { MenuHost } from './common/Menu';
import { Split } from './common/Split';
import { Toasts } from './common/Toasts';
import { ConnectionGate } from './ConnectionGate';
import { DialogHost } from './dialogs/DialogHost';
import { useGlobalShortcuts } from './shortcuts/useGlobalShortcuts';
import { useCreditsFeed } from './state/credits';
import { Sidebar } from './sidebar/Sidebar';
import { MainArea } from './tabs/MainArea';
import { TopBar } from './topbar/TopBar';

export function App() {
  useGlobalShortcuts();
  useCreditsFeed();
  return (
    <ConnectionGate>
      <div className="app">
        <TopBar />
        <Split
          direction="horizontal"
          storageKey="courier.split.sidebar"
          initial={280}
          min={200}
          label="Resize sidebar"
          className="app-body"
          first={<Sidebar />}
          second={<AgentDock><MainArea /></AgentDock>}
        />
      </div>
      <DialogHost />
      <MenuHost />
      <Toasts />
    </ConnectionGate>
  );
}
