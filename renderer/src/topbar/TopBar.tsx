// The top bar: app name, quick search, credit meter, environment switcher, cookies, theme, settings, shortcuts.
import { AgentToggleButton } from '../agent/AgentToggleButton';
import { AiOnly } from '../agent/AiOnly';
import { Icon } from '../common/Icon';
import { CreditMeter } from '../credits/CreditMeter';
import { openMocks } from '../mocks/mocksActions';
import { MOD } from '../shortcuts/shortcutList';
import { useDialogs } from '../state/dialogs';
import { EnvSwitcher } from './EnvSwitcher';
import { ThemeToggle } from './ThemeToggle';

export function TopBar() {
  const open = useDialogs((s) => s.openPanel);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="send" size={14} />
        </span>
        <span className="brand-name">Courier</span>
      </div>
      <button className="quick-search-button" aria-label="Quick search" onClick={() => open('quickSearch')}>
        <Icon name="search" size={14} />
        <span>Search requests</span>
        <kbd>{MOD} K</kbd>
      </button>
      <div className="grow" />
      <AiOnly>
        <CreditMeter />
      </AiOnly>
      <EnvSwitcher />
      <AgentToggleButton />
      <button className="button ghost" aria-label="Mocks" title="Mock servers" onClick={() => openMocks()}>
        <Icon name="monitor" size={15} />
        <span className="small-hide">Mocks</span>
      </button>
      <button className="button ghost" aria-label="Cookies" title="Cookie jar" onClick={() => open('cookies')}>
        <Icon name="cookie" size={15} />
        <span className="small-hide">Cookies</span>
      </button>
      <ThemeToggle />
      <button className="icon-button" aria-label="Settings" title={`Settings (${MOD} ,)`} data-testid="settings-button" onClick={() => open('settings')}>
        <Icon name="settings" size={16} />
      </button>
      <button className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => open('shortcuts')}>
        <Icon name="keyboard" size={16} />
      </button>
    </header>
  );
}
